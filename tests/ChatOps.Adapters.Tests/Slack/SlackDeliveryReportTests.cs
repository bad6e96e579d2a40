using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Tests.Slack;

/// <summary>The router tells the dialog which replies reached Slack, so the dialog's sweep posts again exactly the ones that did not.</summary>
public class SlackDeliveryReportTests
{
    private const string Ops = SlackWorld.Ops;

    [Fact]
    public async Task Replies_Slack_took_are_reported_posted_for_their_conversation()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "deploy checkout")).MessageTs!;
        await world.ReplyAsync(Ops, thread);

        await world.Slack.WaitForAsync(() => world.Handler.Delivered.IsEmpty ? null : "reported", TimeSpan.FromSeconds(10), "a delivery report");
        var (key, id) = Assert.Single(world.Handler.Delivered);
        Assert.Equal(new ConversationKey("T0TEAM", Ops, thread), key);
        Assert.Equal("Which environment?", id);
    }

    [Fact]
    public async Task A_reply_Slack_refused_is_not_reported_and_the_next_one_is()
    {
        await using var world = await SlackWorld.StartAsync();
        world.Slack.Knobs.Fail("chat.postMessage", "internal_error");
        var thread = (await world.Alice.MentionAsync(Ops, "echo first")).MessageTs!;
        await world.Slack.WaitForAsync(() => world.Slack.Calls.Any(c => c.Method == "chat.postMessage" && c.Error == "internal_error") ? "refused" : null,
            TimeSpan.FromSeconds(10), "the refused post");

        await world.Alice.MentionAsync(Ops, "echo second", thread);
        Assert.Equal("you said: second", (await world.ReplyAsync(Ops, thread)).BlockText);
        await world.Slack.WaitForAsync(() => world.Handler.Delivered.IsEmpty ? null : "reported", TimeSpan.FromSeconds(10), "a delivery report");
        Assert.Equal(["you said: second"], world.Handler.Delivered.Select(d => d.DeliveryId));
    }
}
