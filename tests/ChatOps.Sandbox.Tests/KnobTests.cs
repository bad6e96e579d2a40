using System.Net;
using ChatOps.Sandbox.Tests.Support;

namespace ChatOps.Sandbox.Tests;

public sealed class KnobTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async Task InitializeAsync() => _host = await SandboxHost.StartNewAsync(new SandboxOptions());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_rate_limited_GitLab_request_gets_429_plain_text_with_Retry_After()
    {
        _host.Knobs.GitLab.RateLimitRate = 1;
        _host.Knobs.GitLab.RetryAfter = TimeSpan.FromSeconds(7);
        using var client = Http.Client(_host.GitLabApiUrl, "PRIVATE-TOKEN", _host.Tokens.GitLabToken);

        using var response = await client.GetAsync("projects/4711");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        Assert.Equal("0", response.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Retry later\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rate_limits_are_per_emulator_so_Zadig_answers_while_GitLab_throttles()
    {
        _host.Knobs.GitLab.RateLimitRate = 1;
        using var zadig = Http.Client(_host.ZadigUrl, "Authorization", "Bearer " + _host.Tokens.ZadigToken);

        using var response = await zadig.GetAsync("openapi/workflows?projectKey=shop");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("gitlab", """{"message":"500 Internal Server Error"}""")]
    [InlineData("zadig", """{"message":"Internal Error: ","code":500,"description":"sandbox: injected server error"}""")]
    public async Task A_server_error_rate_of_one_answers_the_emulators_own_500_body(string emulator, string body)
    {
        var faults = emulator == "gitlab" ? _host.Knobs.GitLab : _host.Knobs.Zadig;
        faults.ServerErrorRate = 1;
        using var client = emulator == "gitlab"
            ? Http.Client(_host.GitLabApiUrl, "PRIVATE-TOKEN", _host.Tokens.GitLabToken)
            : Http.Client(_host.ZadigUrl, "Authorization", "Bearer " + _host.Tokens.ZadigToken);

        using var response = await client.GetAsync(emulator == "gitlab" ? "projects/4711" : "openapi/workflows?projectKey=shop");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_same_seed_draws_the_same_faults()
    {
        static string Draws(int seed)
        {
            var knobs = new SandboxKnobs(seed);
            knobs.GitLab.ServerErrorRate = 0.3;
            knobs.GitLab.RateLimitRate = 0.2;
            return string.Concat(Enumerable.Range(0, 40).Select(_ => knobs.GitLab.Draw().ToString()[0]));
        }

        Assert.Equal(Draws(7), Draws(7));
        Assert.NotEqual(Draws(7), Draws(8));
        Assert.Contains('R', Draws(7));
        Assert.Contains('S', Draws(7));
    }

    [Fact]
    public async Task Latency_delays_every_request_by_at_least_the_knob()
    {
        _host.Knobs.Kubernetes.Latency = TimeSpan.FromMilliseconds(300);
        using var client = Http.Client(_host.KubernetesUrl, "Authorization", "Bearer " + _host.Tokens.KubeToken);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var response = await client.GetAsync("api/v1/namespaces");

        Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
