using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Adapters.Tests.Slack;

public class HttpModeTests
{
    private const string Ops = SlackWorld.Ops;

    [Fact]
    public async Task Url_verification_answers_the_challenge()
    {
        await using var world = await SlackWorld.StartAsync(SlackMode.Http);
        var (status, body) = await world.Slack.VerifyUrlAsync("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        Assert.Equal((200, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), (status, body));
    }

    [Fact]
    public async Task The_dialog_runs_over_signed_http_requests()
    {
        await using var world = await SlackWorld.StartAsync(SlackMode.Http);
        var mention = await world.Alice.MentionAsync(Ops, "deploy checkout");
        Assert.Equal(200, mention.HttpStatus);
        var thread = mention.MessageTs!;
        await world.Alice.ClickAsync(await world.ReplyAsync(Ops, thread), "prod");
        var confirm = await world.ReplyAsync(Ops, thread, 2);
        await world.Alice.ClickAsync(confirm, "Confirm");
        Assert.Equal("done", (await world.ReplyAsync(Ops, thread, 3)).BlockText);
        await world.Slack.WaitForAsync(() => world.Slack.Find(Ops, confirm.Ts)!.Buttons.Count == 0);
        Assert.Equal(0, world.Bot.Socket.Greetings);
        Assert.Equal(0, world.Slack.TicketsIssued);
    }

    [Fact]
    public async Task A_forged_signature_is_refused_and_nothing_is_handled()
    {
        await using var world = await SlackWorld.StartAsync(SlackMode.Http);
        var payload = world.Slack.EventCallback(MentionEvent("deploy checkout")).ToJsonString();
        var forged = SlackSigner.Sign("not-the-secret", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), payload);
        var (status, _) = await world.Slack.SendSignedAsync(world.Slack.HttpTarget!.Events, payload, "application/json", signature: forged);
        Assert.Equal(401, status);
        var (unsigned, _) = await world.Slack.SendSignedAsync(world.Slack.HttpTarget.Interactivity, "payload=%7B%7D", "application/x-www-form-urlencoded", signature: "");
        Assert.Equal(401, unsigned);
        await AssertNothingHandledAsync(world);
    }

    [Fact]
    public async Task A_timestamp_older_than_five_minutes_is_refused()
    {
        await using var world = await SlackWorld.StartAsync(SlackMode.Http);
        var payload = world.Slack.EventCallback(MentionEvent("deploy checkout")).ToJsonString();
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds();
        var (status, _) = await world.Slack.SendSignedAsync(world.Slack.HttpTarget!.Events, payload, "application/json", timestamp: stale);
        Assert.Equal(401, status);
        var (commandStatus, _) = await world.Slack.SendSignedAsync(world.Slack.HttpTarget.Commands, "command=%2Fchatops&text=deploy", "application/x-www-form-urlencoded", timestamp: stale);
        Assert.Equal(401, commandStatus);
        await AssertNothingHandledAsync(world);
    }

    [Fact]
    public async Task A_retried_event_is_acknowledged_and_handled_once()
    {
        await using var world = await SlackWorld.StartAsync(SlackMode.Http);
        var first = await world.Alice.MentionAsync(Ops, "deploy checkout");
        var retry = await world.Slack.RedeliverAsync(first, "http_timeout");
        Assert.Equal((200, 1), (retry.HttpStatus, retry.RetryAttempt));
        var marker = await world.Alice.MentionAsync(Ops, "echo marker");
        await world.ReplyAsync(Ops, marker.MessageTs);
        Assert.Single(world.Slack.BotReplies(Ops, first.MessageTs));
        Assert.Equal(2, world.Handler.Turns.Count);
    }

    [Fact]
    public async Task The_slash_command_form_is_acknowledged_with_an_ephemeral_text()
    {
        await using var world = await SlackWorld.StartAsync(SlackMode.Http);
        var command = await world.Alice.SlashCommandAsync(Ops, "deploy checkout");
        Assert.Equal(200, command.HttpStatus);
        Assert.Contains("\"response_type\":\"ephemeral\"", command.Response, StringComparison.Ordinal);
        var parent = await world.Slack.WaitForAsync(() => world.Slack.BotReplies(Ops, null).FirstOrDefault());
        Assert.Equal("Which environment?", (await world.ReplyAsync(Ops, parent.Ts)).BlockText);
        var (ssl, _) = await world.Slack.SendSignedAsync(world.Slack.HttpTarget!.Commands, "ssl_check=1&token=legacy", "application/x-www-form-urlencoded");
        Assert.Equal(200, ssl);
    }

    private static System.Text.Json.Nodes.JsonObject MentionEvent(string text) => new()
    {
        ["type"] = "app_mention", ["user"] = "U0ALICE", ["text"] = "<@U0BOT> " + text, ["ts"] = "1700000000.000100", ["channel"] = Ops, ["event_ts"] = "1700000000.000100",
    };

    private static async Task AssertNothingHandledAsync(SlackWorld world)
    {
        // a signed event afterwards is handled; everything before it (in the same channel) was refused
        var marker = await world.Alice.MentionAsync(Ops, "echo marker");
        await world.ReplyAsync(Ops, marker.MessageTs);
        Assert.Equal("echo marker", Assert.Single(world.Handler.Turns).Text);
    }
}
