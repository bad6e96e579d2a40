using ChatOps.Sandbox.Tests.Support;
using ChatOps.Sandbox.Zadig;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests.Zadig;

public sealed class ZadigDeliveryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly SandboxKnobs _knobs = new();
    private HookListener _hooks = null!;
    private ZadigEmulator _zadig = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _hooks = await HookListener.StartAsync();
        _zadig = new ZadigEmulator(new SandboxOptions { TimeProvider = _time, Knobs = _knobs, ZadigHookUrl = _hooks.Url });
        await _zadig.StartAsync();
        _client = ZadigClient.Create(_zadig.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _zadig.DisposeAsync();
        await _hooks.DisposeAsync();
    }

    [Fact]
    public async Task A_legacy_task_posts_its_callback_once_when_it_ends()
    {
        var created = await _client.PostJsonAsync("api/directory/workflowTask/create", new
        {
            workflow_name = "shop-workflow-dev",
            env_name = "dev",
            targets = new[] { new { name = "orders", service_type = "k8s", build = new { repos = new[] { new { repo_name = "orders", branch = "main", pr = 0 } } } } },
            callback = new { callback_url = Uri.EscapeDataString(_hooks.Url + "/zadig/cb"), callback_vars = new { chat_id = "C123", requested_by = "bob" } },
        });
        var id = created["task_id"]!.GetValue<long>();
        Assert.Equal("shop-workflow-dev", created["workflow_name"]!.GetValue<string>());

        _time.Advance(TimeSpan.FromMinutes(3));
        var callback = await _hooks.NextAsync(h => h.Path.EndsWith("/zadig/cb", StringComparison.Ordinal));

        Assert.Equal("passed", callback.Body["status"]!.GetValue<string>());
        Assert.Equal(id, callback.Body["task_id"]!.GetValue<long>());
        Assert.Equal("C123", callback.Body["vars"]!["chat_id"]!.GetValue<string>());
        Assert.Equal("orders", callback.Body["images"]![0]!["service_name"]!.GetValue<string>());
        Assert.False(callback.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(await _hooks.DrainAsync(), h => h.Path.EndsWith("/zadig/cb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_legacy_task_reports_cancelled_to_its_callback()
    {
        var id = (await _client.PostJsonAsync("public-api/v1/workflowTask/create", new
        {
            workflow_name = "shop-workflow-qa",
            release_images = new[] { new { image = "registry.sandbox.local/shop/cart:1", service_name = "cart", service_module = "cart" } },
            callback = new { callback_url = _hooks.Url + "/cb", callback_vars = new { } },
        }))["task_id"]!.GetValue<long>();

        var result = await _client.PostJsonAsync($"public-api/v1/workflowTask/id/{id}/pipelines/shop-workflow-qa/cancel", new { });

        Assert.Equal(0, result["resultCode"]!.GetValue<int>());
        var callback = await _hooks.NextAsync(h => h.Path.EndsWith("/cb", StringComparison.Ordinal));
        Assert.Equal("cancelled", callback.Body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_workflow_webhook_reports_the_final_status_with_the_shared_secret()
    {
        _knobs.FailingJob = "build";
        await _client.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-staging", "staging"));
        _time.Advance(TimeSpan.FromMinutes(2));

        var hook = await _hooks.NextAsync();

        Assert.Equal(new SandboxTokens().ZadigHookSecret, hook.Headers["X-Zadig-Token"]);
        Assert.Equal("workflow", hook.Headers["X-Zadig-Event"]);
        var workflow = hook.Body["workflow"]!;
        Assert.Equal("failed", workflow["status"]!.GetValue<string>());
        Assert.Equal("devops-staging", workflow["workflow_name"]!.GetValue<string>());
        Assert.Equal("shop", workflow["project_name"]!.GetValue<string>());
        Assert.Equal("failed", workflow["stages"]![0]!["jobs"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dropped_callback_is_not_delivered()
    {
        _knobs.DropNextDeliveries = 1;
        foreach (var path in new[] { "/dropped", "/delivered" })
        {
            await _client.PostJsonAsync("api/directory/workflowTask/create", new
            {
                workflow_name = "shop-workflow-dev",
                targets = new[] { new { name = "users" } },
                callback = new { callback_url = _hooks.Url + path, callback_vars = new { } },
            });
        }

        _time.Advance(TimeSpan.FromMinutes(3));
        await _hooks.NextAsync(h => h.Path.EndsWith("/delivered", StringComparison.Ordinal));

        Assert.DoesNotContain(_hooks.All, h => h.Path.EndsWith("/dropped", StringComparison.Ordinal));
        Assert.Equal(1, _knobs.DroppedDeliveries);
    }
}
