using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Adapters.Tests.Slack.Emulator;

/// <summary>The emulator itself, checked with a plain HttpClient and ClientWebSocket against contract §9.</summary>
public class SlackEmulatorTests
{
    private static async Task<(SlackEmulator Slack, HttpClient Http)> StartAsync()
    {
        var slack = new SlackEmulator(new SlackEmulatorOptions { AckTimeout = TimeSpan.FromMilliseconds(300) });
        await slack.StartAsync();
        return (slack, new HttpClient { BaseAddress = slack.ApiBase });
    }

    private static async Task<JsonObject> CallAsync(HttpClient http, string method, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body is null ? "" : System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task Connections_open_needs_the_app_token_in_the_header_and_answers_ok_false_with_http_200()
    {
        var (slack, http) = await StartAsync();
        await using var _ = slack;
        using var __ = http;
        Assert.Equal("not_authed", (await CallAsync(http, "apps.connections.open", null))["error"]!.GetValue<string>());
        Assert.Equal("invalid_auth", (await CallAsync(http, "apps.connections.open", slack.Options.BotToken))["error"]!.GetValue<string>());
        var open = await CallAsync(http, "apps.connections.open", slack.Options.AppToken);
        Assert.StartsWith("ws://127.0.0.1:", open["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("invalid_auth", (await CallAsync(http, "auth.test", slack.Options.AppToken))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_socket_url_works_once_and_says_hello_first()
    {
        var (slack, http) = await StartAsync();
        await using var _ = slack;
        using var __ = http;
        var url = new Uri((await CallAsync(http, "apps.connections.open", slack.Options.AppToken))["url"]!.GetValue<string>());
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, CancellationToken.None);
        var buffer = new byte[4096];
        var hello = await socket.ReceiveAsync(buffer, CancellationToken.None);
        var frame = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, hello.Count))!;
        Assert.Equal(("hello", 1, "A0APP"), (frame["type"]!.GetValue<string>(), frame["num_connections"]!.GetValue<int>(), frame["connection_info"]!["app_id"]!.GetValue<string>()));

        using var again = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => again.ConnectAsync(url, CancellationToken.None));
        Assert.Equal(1, slack.TicketReuses);
    }

    [Fact]
    public async Task An_unacknowledged_event_is_delivered_again_with_the_same_event_id_and_a_new_envelope()
    {
        var (slack, http) = await StartAsync();
        await using var _ = slack;
        using var __ = http;
        var url = new Uri((await CallAsync(http, "apps.connections.open", slack.Options.AppToken))["url"]!.GetValue<string>());
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, CancellationToken.None);
        await slack.WaitForLinksAsync(1);
        var buffer = new byte[16384];
        await socket.ReceiveAsync(buffer, CancellationToken.None); // hello

        var first = await slack.User("U0ALICE").MentionAsync("C0OPS", "deploy");
        var frames = new List<JsonNode>();
        for (var i = 0; i < 2; i++)
        {
            var r = await socket.ReceiveAsync(buffer, CancellationToken.None);
            frames.Add(JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, r.Count))!);
        }

        Assert.Equal([0, 1], frames.Select(f => f["retry_attempt"]!.GetValue<int>()));
        Assert.Equal("timeout", frames[1]["retry_reason"]!.GetValue<string>());
        Assert.Equal(first.EventId, frames[1]["payload"]!["event_id"]!.GetValue<string>());
        Assert.NotEqual(frames[0]["envelope_id"]!.GetValue<string>(), frames[1]["envelope_id"]!.GetValue<string>());

        var ack = new JsonObject { ["envelope_id"] = frames[1]["envelope_id"]!.GetValue<string>() }.ToJsonString();
        await socket.SendAsync(Encoding.UTF8.GetBytes(ack), WebSocketMessageType.Text, true, CancellationToken.None);
        await slack.WaitForAsync(() => slack.Deliveries.Any(d => d.AckedAt is not null));
    }

    [Fact]
    public async Task Chat_update_refuses_messages_the_bot_did_not_post_and_unknown_ones()
    {
        var (slack, http) = await StartAsync();
        await using var _ = slack;
        using var __ = http;
        slack.UseHttp(new Uri("http://127.0.0.1:9/")); // nobody listens: the person's message is stored, its delivery fails
        var mention = await slack.User("U0ALICE").MentionAsync("C0OPS", "hi");
        Assert.Null(mention.AckedAt);
        var userMessage = Assert.Single(slack.Messages("C0OPS"));
        var token = slack.Options.BotToken;
        Assert.Equal("cant_update_message", (await CallAsync(http, "chat.update", token, new { channel = "C0OPS", ts = userMessage.Ts, text = "x" }))["error"]!.GetValue<string>());
        Assert.Equal("message_not_found", (await CallAsync(http, "chat.update", token, new { channel = "C0OPS", ts = "1.000001", text = "x" }))["error"]!.GetValue<string>());
        var posted = await CallAsync(http, "chat.postMessage", token, new { channel = "U0BOB", text = "hi" });
        Assert.Equal("D0BOB", posted["channel"]!.GetValue<string>());
        Assert.Equal("channel_not_found", (await CallAsync(http, "chat.update", token, new { channel = "U0BOB", ts = posted["ts"]!.GetValue<string>(), text = "x" }))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Message_ts_values_are_unique_and_increasing_per_channel()
    {
        var (slack, http) = await StartAsync();
        await using var _ = slack;
        using var __ = http;
        var ts = new List<string>();
        for (var i = 0; i < 20; i++) ts.Add((await CallAsync(http, "chat.postMessage", slack.Options.BotToken, new { channel = "C0OPS", text = $"m{i}" }))["ts"]!.GetValue<string>());
        Assert.Equal(20, ts.Distinct().Count());
        Assert.All(ts, t => Assert.Matches(@"^\d{10}\.\d{6}$", t));
        var pairs = ts.Select(t => (long.Parse(t[..10], System.Globalization.CultureInfo.InvariantCulture), int.Parse(t[11..], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(pairs.OrderBy(p => p.Item1).ThenBy(p => p.Item2), pairs);
    }

    [Fact]
    public async Task Blocks_over_slacks_limits_are_invalid_blocks()
    {
        var (slack, http) = await StartAsync();
        await using var _ = slack;
        using var __ = http;
        var tooLong = new[] { new { type = "section", text = new { type = "mrkdwn", text = new string('x', 3001) } } };
        Assert.Equal("invalid_blocks", (await CallAsync(http, "chat.postMessage", slack.Options.BotToken, new { channel = "C0OPS", text = "x", blocks = tooLong }))["error"]!.GetValue<string>());
        var tooMany = Enumerable.Range(0, 51).Select(_ => new { type = "section", text = new { type = "mrkdwn", text = "x" } }).ToArray();
        Assert.Equal("invalid_blocks", (await CallAsync(http, "chat.postMessage", slack.Options.BotToken, new { channel = "C0OPS", text = "x", blocks = tooMany }))["error"]!.GetValue<string>());
    }
}
