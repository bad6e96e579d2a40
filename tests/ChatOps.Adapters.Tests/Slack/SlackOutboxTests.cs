using System.Diagnostics;
using ChatOps.Adapters.Slack.Api;
using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Tests.Slack;

public class SlackOutboxTests
{
    [Fact]
    public async Task A_429_is_waited_out_for_its_retry_after_and_the_message_is_still_delivered()
    {
        await using var world = await SlackWorld.StartAsync();
        world.Slack.Knobs.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 1);
        var started = Stopwatch.GetTimestamp();
        var posted = await world.Bot.Chat.PostAsync("C0RATE", null, Reply.Plain("after the wait"), CancellationToken.None);

        Assert.NotNull(posted);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "the Retry-After was not honoured");
        var calls = world.Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.Equal("after the wait", Assert.Single(world.Slack.Messages("C0RATE")).BlockText);
        Assert.Equal(1, world.Bot.Outbox.RateLimited);
    }

    [Fact]
    public async Task A_429_pauses_that_method_in_every_channel()
    {
        await using var world = await SlackWorld.StartAsync();
        world.Slack.Knobs.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 1);
        var first = world.Bot.Chat.PostAsync("C0ONE", null, Reply.Plain("one"), CancellationToken.None);
        await world.Slack.WaitForAsync(() => world.Bot.Outbox.RateLimited == 1); // the outbox has read the 429 (a call already in flight could not know)
        var second = world.Bot.Chat.PostAsync("C0TWO", null, Reply.Plain("two"), CancellationToken.None);
        await Task.WhenAll(first, second);
        var limitedAt = world.Slack.Calls.First(c => c.Status == 429).Timestamp;
        var twoAt = world.Slack.Calls.Single(c => c.Arg("channel") == "C0TWO").Timestamp;
        Assert.True(Stopwatch.GetElapsedTime(limitedAt, twoAt) >= TimeSpan.FromSeconds(0.9), "another channel ignored the Retry-After");
    }

    [Fact]
    public async Task Messages_into_one_channel_keep_their_order_and_pace_while_other_channels_go_ahead()
    {
        var settings = new Dictionary<string, string?> { ["Slack:ChannelInterval"] = "00:00:00.450", ["Slack:ChannelBurst"] = "1" };
        await using var world = await SlackWorld.StartAsync(settings: settings);
        world.Slack.Knobs.ChannelInterval = TimeSpan.FromMilliseconds(250);
        world.Slack.Knobs.ThrottlePerChannel = true;

        var busy = Enumerable.Range(1, 4).Select(i => world.Bot.Chat.PostAsync("C0BUSY", null, Reply.Plain($"m{i}"), CancellationToken.None)).ToList();
        var other = world.Bot.Chat.PostAsync("C0QUIET", null, Reply.Plain("quiet"), CancellationToken.None);
        await Task.WhenAll([.. busy, other]);

        var calls = world.Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.All(calls, c => Assert.Equal(200, c.Status));
        var inBusy = calls.Where(c => c.Arg("channel") == "C0BUSY").ToList();
        Assert.Equal(["m1", "m2", "m3", "m4"], inBusy.Select(c => c.Arg("text")));
        for (var i = 1; i < inBusy.Count; i++)
        {
            Assert.True(Stopwatch.GetElapsedTime(inBusy[i - 1].Timestamp, inBusy[i].Timestamp) >= TimeSpan.FromMilliseconds(250), $"gap {i} too short");
        }

        Assert.True(calls.FindIndex(c => c.Arg("channel") == "C0QUIET") < calls.IndexOf(inBusy[^1]), "the quiet channel waited behind the busy one");
    }

    [Fact]
    public async Task An_ok_false_answer_fails_the_call_with_slacks_error_and_is_not_retried()
    {
        await using var world = await SlackWorld.StartAsync();
        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            world.Bot.Chat.UpdateAsync(new MessageRef(SlackWorld.Ops, "1700000000.000001"), Reply.Plain("x"), CancellationToken.None));
        Assert.Equal(("chat.update", "message_not_found"), (error.Method, error.Error));
        Assert.Single(world.Slack.Calls, c => c.Method == "chat.update");
    }
}
