using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatOps.EndToEnd.Tests.Serve;

/// <summary>The command API in the whole `chatops serve` host: real policy file, real executors on the sandbox, the run and the audit trail read back over HTTP.</summary>
public class ServeApiTests
{
    private const string Token = "release-pipeline-token-0123456789";

    [Fact]
    public async Task A_deploy_posted_to_the_api_runs_on_the_sandbox_and_its_run_and_audit_rows_are_read_back()
    {
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Api:Tokens:0:Name"] = "laptop", ["Api:Tokens:0:Token"] = Token, ["Api:Tokens:0:User"] = "alice",
        });
        using var http = new HttpClient { BaseAddress = host.Bot.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var posted = await http.PostAsJsonAsync("api/commands", new { text = "deploy cart to uat" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var body = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;
        var reply = body["replies"]!.AsArray().Single()!;
        Assert.Contains("GitLab pipeline on shop/cart", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var run = (await host.RunsAsync()).Single();
        var shown = JsonNode.Parse(await http.GetStringAsync($"api/runs/{run.Id}"))!;
        Assert.Equal(("gitlab", "alice"), (shown["backend"]!.GetValue<string>(), shown["requestedBy"]!.GetValue<string>()));

        var rows = JsonNode.Parse(await http.GetStringAsync("api/audit?user=alice&kind=execution&since=today"))!.AsArray();
        Assert.Equal(run.Id, rows.Single()!["event"]!["requestId"]!.GetValue<string>());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await host.RunsAsync()).Single().Status != ChatOps.Core.Execution.RunStatus.Passed && DateTime.UtcNow < deadline) await Task.Delay(100);
        var finished = JsonNode.Parse(await http.GetStringAsync($"api/runs/{run.Id}"))!;
        Assert.Equal("passed", finished["status"]!.GetValue<string>().ToLowerInvariant());
        Assert.DoesNotContain(host.Slack.Calls, c => c.Method == "chat.postMessage" && c.Arg("channel") == "alice");

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess-" + Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("api/commands", new { text = "deploy cart to uat" })).StatusCode);
    }
}
