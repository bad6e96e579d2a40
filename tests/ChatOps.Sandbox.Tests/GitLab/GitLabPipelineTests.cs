using ChatOps.Sandbox.GitLab;
using ChatOps.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests.GitLab;

public sealed class GitLabPipelineTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero));
    private readonly SandboxKnobs _knobs = new();
    private GitLabEmulator _gitLab = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _gitLab = new GitLabEmulator(new SandboxOptions { TimeProvider = _time, Knobs = _knobs });
        await _gitLab.StartAsync();
        _client = Http.Client(_gitLab.ApiBase, "PRIVATE-TOKEN", new SandboxTokens().GitLabToken);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gitLab.DisposeAsync();
    }

    [Fact]
    public async Task Pipeline_moves_from_created_through_running_to_success_on_the_clock()
    {
        var created = await _client.PostJsonAsync("projects/shop%2Fcheckout/pipeline",
            new { @ref = "main", variables = new[] { new { key = "DEPLOY_ENV", value = "uat" } } });
        var id = created["id"]!.GetValue<long>();
        Assert.Equal("created", created["status"]!.GetValue<string>());
        Assert.Equal("api", created["source"]!.GetValue<string>());

        var seen = new List<string> { "created" };
        for (var i = 0; i < 40; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            var status = (await _client.GetJsonAsync($"projects/4711/pipelines/{id}"))["status"]!.GetValue<string>();
            if (seen[^1] != status)
            {
                seen.Add(status);
            }
        }

        Assert.Equal(["created", "pending", "running", "success"], seen);
        var jobs = (await _client.GetJsonAsync($"projects/4711/pipelines/{id}/jobs")).AsArray();
        Assert.Equal(["deploy-uat", "unit-test", "build"], jobs.Select(j => j!["name"]!.GetValue<string>()));
        Assert.All(jobs, j => Assert.Equal("success", j!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Failing_job_knob_fails_that_job_with_a_log_and_skips_the_rest()
    {
        _knobs.FailingJob = "unit-test";
        var id = (await _client.PostJsonAsync("projects/shop%2Fpayments/pipeline", new { @ref = "develop" }))["id"]!.GetValue<long>();

        _time.Advance(TimeSpan.FromMinutes(5));

        var pipeline = await _client.GetJsonAsync($"projects/4712/pipelines/{id}");
        Assert.Equal("failed", pipeline["status"]!.GetValue<string>());
        Assert.Equal("failed", pipeline["detailed_status"]!["group"]!.GetValue<string>());
        var jobs = (await _client.GetJsonAsync($"projects/4712/pipelines/{id}/jobs")).AsArray();
        var failed = jobs.Single(j => j!["name"]!.GetValue<string>() == "unit-test")!;
        Assert.Equal("script_failure", failed["failure_reason"]!.GetValue<string>());
        Assert.Equal("skipped", jobs.Single(j => j!["stage"]!.GetValue<string>() == "deploy")!["status"]!.GetValue<string>());
        using var trace = await _client.GetAsync($"projects/4712/jobs/{failed["id"]}/trace");
        Assert.Equal("text/plain", trace.Content.Headers.ContentType!.MediaType);
        Assert.Contains("ERROR: Job failed: exit code 1", await trace.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Retry_reruns_only_the_failed_job_and_the_pipeline_then_succeeds()
    {
        _knobs.FailingJob = "deploy-dev";
        var id = (await _client.PostJsonAsync("projects/4711/pipeline", new { @ref = "main" }))["id"]!.GetValue<long>();
        _time.Advance(TimeSpan.FromMinutes(5));
        _knobs.FailingJob = null;

        using var retry = await _client.PostAsync($"projects/4711/pipelines/{id}/retry", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("pending", (await retry.JsonAsync())["status"]!.GetValue<string>());
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("success", (await _client.GetJsonAsync($"projects/4711/pipelines/{id}"))["status"]!.GetValue<string>());
        var all = (await _client.GetJsonAsync($"projects/4711/pipelines/{id}/jobs?include_retried=true")).AsArray();
        Assert.Equal(4, all.Count);
        Assert.Equal(3, (await _client.GetJsonAsync($"projects/4711/pipelines/{id}/jobs")).AsArray().Count);
    }

    [Fact]
    public async Task Cancel_answers_200_with_the_canceled_pipeline_even_when_repeated()
    {
        var id = (await _client.PostJsonAsync("projects/4711/pipeline", new { @ref = "main" }))["id"]!.GetValue<long>();
        _time.Advance(TimeSpan.FromSeconds(10));

        using var first = await _client.PostAsync($"projects/4711/pipelines/{id}/cancel", null);
        using var second = await _client.PostAsync($"projects/4711/pipelines/{id}/cancel", null);

        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("canceled", (await first.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("canceled", (await _client.GetJsonAsync($"projects/4711/pipelines/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Trigger_takes_the_token_and_a_flat_form_variable_map_without_a_user_token()
    {
        using var anonymous = Http.Client(_gitLab.ApiBase);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = new SandboxTokens().GitLabTriggerToken,
            ["ref"] = "release/1.4",
            ["variables[DEPLOY_ENV]"] = "staging",
            ["variables[SERVICE]"] = "checkout",
        });

        using var response = await anonymous.PostAsync("projects/shop%2Fcheckout/trigger/pipeline", form);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var pipeline = await response.JsonAsync();
        Assert.Equal("trigger", pipeline["source"]!.GetValue<string>());
        var variables = (await _client.GetJsonAsync($"projects/4711/pipelines/{pipeline["id"]}/variables")).AsArray();
        Assert.Contains(variables, v => v!["key"]!.GetValue<string>() == "DEPLOY_ENV" && v["value"]!.GetValue<string>() == "staging");
        var payload = variables.Single(v => v!["key"]!.GetValue<string>() == "TRIGGER_PAYLOAD")!;
        Assert.Equal("file", payload["variable_type"]!.GetValue<string>());
        Assert.DoesNotContain("glptt-", payload["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"token":"glpat-sandbox-api-0000000001","ref":"main"}""", 404, """{"message":"404 Not Found"}""")]
    [InlineData("""{"token":"glptt-0123456789abcdef0123456789abcdef01234567","ref":"main","variables":{"N":1}}""", 400, """{"message":"variables needs to be a map of key-valued strings"}""")]
    [InlineData("""{"token":"glptt-0123456789abcdef0123456789abcdef01234567","ref":"nope"}""", 400, """{"message":{"base":["Reference not found"]}}""")]
    public async Task Trigger_errors_use_the_contract_bodies(string body, int status, string expected)
    {
        using var anonymous = Http.Client(_gitLab.ApiBase);
        using var response = await anonymous.PostAsync("projects/4711/trigger/pipeline", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_pipeline_accepts_form_style_indexed_variables()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ref"] = "main",
            ["variables[0][key]"] = "DEPLOY_ENV",
            ["variables[0][value]"] = "qa",
            ["variables[1][key]"] = "KUBECONFIG_B64",
            ["variables[1][value]"] = "eA==",
            ["variables[1][variable_type]"] = "file",
        });

        using var response = await _client.PostAsync("projects/4711/pipeline", form);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync())["id"]!.GetValue<long>();
        var variables = (await _client.GetJsonAsync($"projects/4711/pipelines/{id}/variables")).AsArray();
        Assert.Equal(["env_var", "file"], variables.Select(v => v!["variable_type"]!.GetValue<string>()));
        var jobs = (await _client.GetJsonAsync($"projects/4711/pipelines/{id}/jobs")).AsArray();
        Assert.Contains(jobs, j => j!["name"]!.GetValue<string>() == "deploy-qa");
    }
}
