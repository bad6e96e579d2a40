using System.Net;
using System.Text;
using System.Text.Json;
using ChatOps.Cli.Hosting;

namespace ChatOps.EndToEnd.Tests.Serve;

/// <summary>What operators and GitLab meet at the host's door: health, readiness, and hook authentication.</summary>
public class ServeEndpointTests
{
    [Fact]
    public async Task Health_is_up_and_readiness_names_the_model_the_store_and_slack()
    {
        await using var host = await ServeHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Bot.Address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
        var ready = await http.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("model").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("store").GetProperty("status").GetString());
        Assert.Contains("Socket Mode connection", checks.GetProperty("slack").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_without_slack_serving_only_the_api_is_ready()
    {
        await using var bot = await BotHost.StartAsync(BotSurface.Serve, ServeHost.Bare(), default);
        using var http = new HttpClient { BaseAddress = bot.Address };
        var ready = await http.GetAsync("readyz");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("no Slack configured", json.RootElement.GetProperty("checks").GetProperty("slack").GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Dialog:RedeliverAfter", "00:00:00")]
    [InlineData("Dialog:SweepInterval", "-00:00:05")]
    [InlineData("Dialog:StrandedAfter", "00:00:00")]
    public async Task A_dialog_duration_that_is_not_positive_stops_the_start_naming_the_key(string key, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(BotSurface.Serve, ServeHost.Bare((key, value)), default));
        Assert.StartsWith(key + " is ", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be a positive duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dialog_duration_that_is_not_a_duration_says_how_to_write_one()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(BotSurface.Serve, ServeHost.Bare(("Dialog:StrandedAfter", "two minutes")), default));
        Assert.Equal("Dialog:StrandedAfter is 'two minutes', which is not a duration: write it as hh:mm:ss, such as 00:02:00.", error.Message);
    }

    [Fact]
    public async Task Readiness_fails_while_no_slack_socket_is_open()
    {
        await using var host = await ServeHost.StartAsync();
        host.Slack.Knobs.RateLimit("apps.connections.open", times: 1000, retryAfterSeconds: 30);
        Assert.True(host.Slack.DropLink() && host.Slack.DropLink());
        using var http = new HttpClient { BaseAddress = host.Bot.Address };
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage ready;
        do
        {
            await Task.Delay(100);
            ready = await http.GetAsync("readyz");
        }
        while (ready.StatusCode == HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("no Socket Mode connection is open", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret")]
    public async Task A_gitlab_hook_without_the_right_token_is_refused_and_changes_nothing(string? token)
    {
        await using var host = await ServeHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Bot.Address };
        var request = new HttpRequestMessage(HttpMethod.Post, "hooks/gitlab")
        {
            Content = new StringContent("""{"object_kind":"pipeline","object_attributes":{"id":1,"status":"success"},"project":{"id":1}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Gitlab-Event", "Pipeline Hook");
        if (token is not null) request.Headers.Add("X-Gitlab-Token", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        Assert.Empty(await host.RunsAsync());
    }
}
