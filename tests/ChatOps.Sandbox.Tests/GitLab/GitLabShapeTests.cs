using System.Net;
using ChatOps.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests.GitLab;

public sealed class GitLabShapeTests
{
    private const string Shapes = "gitlab-shapes.json";

    [Fact]
    public async Task Every_GitLab_response_and_hook_kind_matches_the_contract_shapes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero));
        await using var hooks = await HookListener.StartAsync();
        var knobs = new SandboxKnobs { FailingJob = "unit-test" };
        await using var gitLab = new ChatOps.Sandbox.GitLab.GitLabEmulator(new SandboxOptions { TimeProvider = time, Knobs = knobs, GitLabHookUrl = hooks.Url });
        await gitLab.StartAsync();
        using var client = Http.Client(gitLab.ApiBase, "PRIVATE-TOKEN", new SandboxTokens().GitLabToken);

        ShapeAssert.Matches(Shapes, "project", await client.GetJsonAsync("projects/shop%2Fcheckout"));
        ShapeAssert.Matches(Shapes, "branch", await client.GetJsonAsync("projects/4711/repository/branches/release%2F1.4"));
        foreach (var branch in (await client.GetJsonAsync("projects/4711/repository/branches")).AsArray())
        {
            ShapeAssert.Matches(Shapes, "branch", branch);
        }

        foreach (var tag in (await client.GetJsonAsync("projects/4711/repository/tags")).AsArray())
        {
            ShapeAssert.Matches(Shapes, "tag", tag);
        }

        var created = await client.PostJsonAsync("projects/4711/pipeline", new { @ref = "main", variables = new[] { new { key = "DEPLOY_ENV", value = "uat" } } });
        ShapeAssert.Matches(Shapes, "pipeline", created);
        var id = created["id"]!.GetValue<long>();
        for (var step = 0; step < 8; step++)
        {
            ShapeAssert.Matches(Shapes, "pipeline", await client.GetJsonAsync($"projects/4711/pipelines/{id}"));
            foreach (var job in (await client.GetJsonAsync($"projects/4711/pipelines/{id}/jobs")).AsArray())
            {
                ShapeAssert.Matches(Shapes, "job", job);
                ShapeAssert.Matches(Shapes, "job", await client.GetJsonAsync($"projects/4711/jobs/{job!["id"]}"));
            }

            time.Advance(TimeSpan.FromSeconds(5));
        }

        foreach (var item in (await client.GetJsonAsync("projects/4711/pipelines")).AsArray())
        {
            ShapeAssert.Matches(Shapes, "pipeline_basic", item);
        }

        foreach (var variable in (await client.GetJsonAsync($"projects/4711/pipelines/{id}/variables")).AsArray())
        {
            ShapeAssert.Matches(Shapes, "variable", variable);
        }

        ShapeAssert.Matches(Shapes, "pipeline", await (await client.PostAsync($"projects/4711/pipelines/{id}/retry", null)).JsonAsync());
        ShapeAssert.Matches(Shapes, "pipeline", await (await client.PostAsync($"projects/4711/pipelines/{id}/cancel", null)).JsonAsync());
        await AssertErrorShapesAsync(client, gitLab.ApiBase);

        var received = await hooks.DrainAsync();
        Assert.Contains(received, h => h.Headers["X-Gitlab-Event"] == "Pipeline Hook");
        Assert.Contains(received, h => h.Headers["X-Gitlab-Event"] == "Job Hook");
        foreach (var hook in received)
        {
            ShapeAssert.Matches(Shapes, hook.Headers["X-Gitlab-Event"] == "Pipeline Hook" ? "pipeline_hook" : "job_hook", hook.Body);
        }
    }

    private static async Task AssertErrorShapesAsync(HttpClient client, Uri apiBase)
    {
        using var anonymous = Http.Client(apiBase);
        using var readOnly = Http.Client(apiBase, "PRIVATE-TOKEN", new SandboxTokens().GitLabReadOnlyToken);
        var cases = new (HttpClient Client, HttpMethod Method, string Path, object? Body, HttpStatusCode Status, string Shape)[]
        {
            (anonymous, HttpMethod.Get, "projects/4711", null, HttpStatusCode.Unauthorized, "error_message"),
            (client, HttpMethod.Get, "projects/shop%2Fnope", null, HttpStatusCode.NotFound, "error_message"),
            (client, HttpMethod.Get, "projects/shop/checkout", null, HttpStatusCode.NotFound, "error_route"),
            (client, HttpMethod.Post, "projects/4711/pipeline", new { }, HttpStatusCode.BadRequest, "error_route"),
            (client, HttpMethod.Post, "projects/4711/pipeline", new { @ref = "nope" }, HttpStatusCode.BadRequest, "error_validation"),
            (readOnly, HttpMethod.Post, "projects/4711/pipeline", new { @ref = "main" }, HttpStatusCode.Forbidden, "error_scope"),
        };
        foreach (var (who, method, path, body, status, shape) in cases)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body) };
            using var response = await who.SendAsync(request);
            Assert.Equal(status, response.StatusCode);
            ShapeAssert.Matches(Shapes, shape, await response.JsonAsync());
        }
    }
}
