using ChatOps.Sandbox.GitLab;
using ChatOps.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests.GitLab;

public sealed class GitLabHookTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero));
    private readonly SandboxKnobs _knobs = new();
    private HookListener _hooks = null!;
    private GitLabEmulator _gitLab = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _hooks = await HookListener.StartAsync();
        _gitLab = new GitLabEmulator(new SandboxOptions { TimeProvider = _time, Knobs = _knobs, GitLabHookUrl = _hooks.Url });
        await _gitLab.StartAsync();
        _client = Http.Client(_gitLab.ApiBase, "PRIVATE-TOKEN", new SandboxTokens().GitLabToken);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gitLab.DisposeAsync();
        await _hooks.DisposeAsync();
    }

    [Fact]
    public async Task A_pipeline_hook_per_status_change_reaches_the_listener_with_the_secret_and_payload_fields()
    {
        var id = (await _client.PostJsonAsync("projects/4711/pipeline",
            new { @ref = "main", variables = new[] { new { key = "DEPLOY_ENV", value = "uat" } } }))["id"]!.GetValue<long>();
        _time.Advance(TimeSpan.FromMinutes(5));

        var statuses = new List<string>();
        ReceivedHook last = null!;
        while (statuses.LastOrDefault() != "success")
        {
            last = await _hooks.NextAsync(h => h.Headers["X-Gitlab-Event"] == "Pipeline Hook");
            statuses.Add(last.Body["object_attributes"]!["status"]!.GetValue<string>());
        }

        Assert.Equal(["created", "pending", "running", "success"], statuses);
        Assert.True(_gitLab.DeliveriesSucceeded >= 4, $"{_gitLab.DeliveriesSucceeded} deliveries counted");
        Assert.Equal(new SandboxTokens().GitLabHookSecret, last.Headers["X-Gitlab-Token"]);
        Assert.Equal(last.Headers["X-Gitlab-Event-UUID"], last.Headers["Idempotency-Key"]);
        var attributes = last.Body["object_attributes"]!;
        Assert.Equal("pipeline", last.Body["object_kind"]!.GetValue<string>());
        Assert.Equal(id, attributes["id"]!.GetValue<long>());
        Assert.Equal("passed", attributes["detailed_status"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", attributes["finished_at"]!.GetValue<string>());
        Assert.Equal("uat", attributes["variables"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("shop/checkout", last.Body["project"]!["path_with_namespace"]!.GetValue<string>());
        Assert.Equal("staging", last.Body["builds"]!.AsArray().Single(b => b!["stage"]!.GetValue<string>() == "deploy")!["environment"]!["deployment_tier"]!.GetValue<string>());
    }

    [Fact]
    public async Task Job_hooks_carry_object_kind_build_and_the_pipeline_id_as_commit_id()
    {
        var id = (await _client.PostJsonAsync("projects/4711/pipeline", new { @ref = "main" }))["id"]!.GetValue<long>();
        _time.Advance(TimeSpan.FromMinutes(5));

        var hook = await _hooks.NextAsync(h => h.Headers["X-Gitlab-Event"] == "Job Hook" && h.Body["build_status"]!.GetValue<string>() == "success");

        Assert.Equal("build", hook.Body["object_kind"]!.GetValue<string>());
        Assert.Equal(id, hook.Body["commit"]!["id"]!.GetValue<long>());
        Assert.Equal(id, hook.Body["pipeline_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Dropped_webhooks_are_never_delivered_and_later_ones_still_are()
    {
        _knobs.DropNextDeliveries = 1;
        await _client.PostJsonAsync("projects/4711/pipeline", new { @ref = "main" });
        _time.Advance(TimeSpan.FromSeconds(2));

        // why: deliveries go out in order, so the first pipeline hook to arrive shows whether "created" was sent
        var first = await _hooks.NextAsync(h => h.Headers["X-Gitlab-Event"] == "Pipeline Hook");

        Assert.Equal("pending", first.Body["object_attributes"]!["status"]!.GetValue<string>());
        Assert.Equal(1, _knobs.DroppedDeliveries);
    }
}
