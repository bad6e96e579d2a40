using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Core.Chat;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Adapters.Tests.Slack;

/// <summary>message.channels / message.groups (docs.slack.dev/reference/events/message.channels): answers typed in the bot's thread, no mention needed.</summary>
public class SlackThreadReplyTests
{
    private const string Ops = SlackWorld.Ops;
    private static readonly SlackEmulatorOptions Subscribed = new() { ChannelMessageEvents = true };

    [Fact]
    public async Task An_answer_typed_in_the_thread_without_a_mention_continues_the_dialog()
    {
        await using var world = await SlackWorld.StartAsync(options: Subscribed);
        var thread = (await world.Alice.MentionAsync(Ops, "deploy checkout")).MessageTs!;
        Assert.Equal("Which environment?", (await world.ReplyAsync(Ops, thread)).BlockText);

        var (_, answer) = await world.Alice.SayAsync(Ops, "uat", thread);
        var confirm = await world.ReplyAsync(Ops, thread, 2);
        Assert.Equal("Deploy *checkout* to `uat`?", confirm.BlockText);

        var turns = world.Handler.Turns.ToArray();
        Assert.Equal(2, turns.Length);
        Assert.Equal((new ConversationKey("T0TEAM", Ops, thread), "uat", answer!.EventId), (turns[1].Key, turns[1].Text, turns[1].EventId));
        await world.Alice.ClickAsync(confirm, "Confirm");
        Assert.Equal("done", (await world.ReplyAsync(Ops, thread, 3)).BlockText);
        Assert.Equal(3, world.Slack.BotReplies(Ops, thread).Count); // the bot's own posts came back as message events and were not answered
    }

    [Fact]
    public async Task A_channel_message_without_a_mention_gets_no_answer_outside_the_bots_threads()
    {
        await using var world = await SlackWorld.StartAsync(options: Subscribed);
        var (topLevel, _) = await world.Alice.SayAsync(Ops, "deploy checkout");
        await world.Bob.SayAsync(Ops, "uat", topLevel.Ts);

        var sentinel = (await world.Alice.MentionAsync(Ops, "echo sentinel")).MessageTs!;
        Assert.Equal("you said: sentinel", (await world.ReplyAsync(Ops, sentinel)).BlockText);
        Assert.Equal(["echo sentinel"], world.Handler.Turns.Select(t => t.Text));
        Assert.Empty(world.Slack.BotReplies(Ops, topLevel.Ts));
        Assert.Empty(world.Slack.BotReplies(Ops, null));
    }

    [Fact]
    public async Task A_mention_in_a_thread_arrives_twice_and_is_handled_once()
    {
        await using var world = await SlackWorld.StartAsync(options: Subscribed);
        var thread = (await world.Alice.MentionAsync(Ops, "deploy checkout")).MessageTs!;
        await world.ReplyAsync(Ops, thread);

        var mention = await world.Alice.MentionAsync(Ops, "prod", threadTs: thread);
        await world.ReplyAsync(Ops, thread, 2);
        await world.Alice.MentionAsync(Ops, "echo after", threadTs: thread);
        Assert.Equal("you said: after", (await world.ReplyAsync(Ops, thread, 3)).BlockText);

        var both = world.Slack.Deliveries.Where(d => d.MessageTs == mention.MessageTs).ToList();
        Assert.Equal(["app_mention", "message"], both.Select(d => d.Payload["event"]!["type"]!.GetValue<string>()));
        Assert.Equal(2, both.Select(d => d.EventId).Distinct().Count());
        Assert.Single(world.Handler.Turns, t => t.Text == "prod");
        Assert.Equal(3, world.Handler.Turns.Count);
        Assert.Equal(3, world.Slack.BotReplies(Ops, thread).Count);
    }

    [Fact]
    public async Task After_the_thread_window_a_reply_needs_a_mention_again()
    {
        var settings = new Dictionary<string, string?> { ["Slack:ThreadWindow"] = "00:00:00" };
        await using var world = await SlackWorld.StartAsync(settings: settings, options: Subscribed);
        var thread = (await world.Alice.MentionAsync(Ops, "deploy checkout")).MessageTs!;
        await world.ReplyAsync(Ops, thread);

        await world.Alice.SayAsync(Ops, "uat", thread);
        await world.Alice.MentionAsync(Ops, "uat", threadTs: thread);
        await world.ReplyAsync(Ops, thread, 2);
        Assert.Equal(["deploy checkout", "uat"], world.Handler.Turns.Select(t => t.Text)); // the unmentioned "uat" before it was no turn
    }

    [Fact]
    public async Task Without_the_subscription_a_reply_without_a_mention_never_reaches_the_bot()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "deploy checkout")).MessageTs!;
        await world.ReplyAsync(Ops, thread);
        var (_, delivery) = await world.Alice.SayAsync(Ops, "uat", thread);
        Assert.Null(delivery);
    }
}
