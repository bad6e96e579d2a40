using System.Net.Http.Json;
using ChatOps.Sandbox.Hosting;
using ChatOps.Sandbox.Tests.Support;
using ChatOps.Sandbox.Zadig;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests.Zadig;

public sealed class ZadigShapeTests
{
    private const string Shapes = "zadig-shapes.json";

    [Fact]
    public async Task Every_Zadig_response_callback_and_webhook_kind_matches_the_contract_shapes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var hooks = await HookListener.StartAsync();
        await using var zadig = new ZadigEmulator(new SandboxOptions { TimeProvider = time, ZadigHookUrl = hooks.Url });
        await zadig.StartAsync();
        using var client = ZadigClient.Create(zadig.BaseAddress);

        var created = await client.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-prod", "prod"));
        ShapeAssert.Matches(Shapes, "task_created", created);
        for (var step = 0; step < 4; step++)
        {
            ShapeAssert.Matches(Shapes, "task_detail", await client.GetJsonAsync("openapi/workflows/custom/task?taskId=1&workflowKey=devops-prod"));
            time.Advance(TimeSpan.FromSeconds(15));
        }

        ShapeAssert.Matches(Shapes, "success", await client.PostJsonAsync("openapi/workflows/custom/task/approve",
            new { workflow_key = "devops-prod", task_id = 1, stage_name = "job-1-0-0-approve-prod", approve = true }));
        time.Advance(TimeSpan.FromMinutes(2));
        ShapeAssert.Matches(Shapes, "task_detail", await client.GetJsonAsync("openapi/workflows/custom/task?taskId=1&workflowKey=devops-prod"));
        ShapeAssert.Matches(Shapes, "task_history", await client.GetJsonAsync("openapi/workflows/custom/devops-prod/tasks?projectKey=shop"));
        ShapeAssert.Matches(Shapes, "workflow_detail", await client.GetJsonAsync("openapi/workflows/custom/release-train/detail?projectKey=shop"));
        ShapeAssert.Matches(Shapes, "workflows", await client.GetJsonAsync("openapi/workflows?projectKey=shop"));
        foreach (var path in new[] { "openapi/environments?projectKey=shop", "openapi/environments/production?projectKey=shop" })
        {
            foreach (var env in (await client.GetJsonAsync(path)).AsArray())
            {
                ShapeAssert.Matches(Shapes, "environment_item", env);
            }
        }

        ShapeAssert.Matches(Shapes, "environment_detail", await client.GetJsonAsync("openapi/environments/production/prod?projectKey=shop"));
        ShapeAssert.Matches(Shapes, "projects", await client.GetJsonAsync("openapi/projects/project"));

        await AssertLegacyShapesAsync(client, hooks, time);
        using var business = await client.PostAsJsonAsync("openapi/workflows/custom/task", new { workflow_key = "nope" });
        ShapeAssert.Matches(Shapes, "error_business", await business.JsonAsync());
        using var plain = await client.GetAsync("openapi/workflows/custom/task?taskId=9&workflowKey=devops-prod");
        ShapeAssert.Matches(Shapes, "error_plain", await plain.JsonAsync());

        await hooks.DrainAsync();
        var webhooks = hooks.All.Where(h => h.Headers.ContainsKey("X-Zadig-Event")).ToList();
        Assert.Contains(webhooks, h => h.Body["workflow"]!["status"]!.GetValue<string>() == "wait_for_approval");
        Assert.Contains(webhooks, h => h.Body["workflow"]!["status"]!.GetValue<string>() == "passed");
        webhooks.ForEach(h => ShapeAssert.Matches(Shapes, "workflow_hook", h.Body));
    }

    private static async Task AssertLegacyShapesAsync(HttpClient client, HookListener hooks, FakeTimeProvider time)
    {
        var created = await client.PostJsonAsync("api/directory/workflowTask/create", new
        {
            workflow_name = "shop-workflow-dev",
            env_name = "dev",
            targets = new[] { new { name = "search", service_type = "k8s", build = new { repos = new[] { new { repo_name = "search", branch = "main", pr = 0 } } } } },
            callback = new { callback_url = hooks.Url + "/cb", callback_vars = new { chat_id = "C1" } },
        });
        ShapeAssert.Matches(Shapes, "task_created", created);
        time.Advance(TimeSpan.FromMinutes(3));

        var callback = await hooks.NextAsync(h => h.Path.EndsWith("/cb", StringComparison.Ordinal));
        ShapeAssert.Matches(Shapes, "callback", callback.Body);
        ShapeAssert.Matches(Shapes, "legacy_task", await client.GetJsonAsync("api/directory/workflowTask/id/1/pipelines/shop-workflow-dev"));
        var sha = Deterministic.Sha("shop/search@main");
        var byCommit = (await client.GetJsonAsync($"api/directory/workflowTask?commitId={sha}")).AsArray();
        Assert.Single(byCommit);
        ShapeAssert.Matches(Shapes, "legacy_task_item", byCommit[0]);
        using var restart = await client.PostAsync("api/directory/workflowTask/id/1/pipelines/shop-workflow-dev/restart", null);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, restart.StatusCode);
        ShapeAssert.Matches(Shapes, "legacy_result", await restart.JsonAsync());
    }
}
