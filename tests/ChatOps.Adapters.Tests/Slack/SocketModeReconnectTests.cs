using ChatOps.Adapters.Tests.Slack.Support;

namespace ChatOps.Adapters.Tests.Slack;

public class SocketModeReconnectTests
{
    private const string Ops = SlackWorld.Ops;

    [Fact]
    public async Task A_socket_dropped_mid_dialog_comes_back_on_a_fresh_url_and_the_dialog_continues()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "deploy checkout")).MessageTs!;
        var question = await world.ReplyAsync(Ops, thread);
        var ticketsBefore = world.Slack.TicketsIssued;

        Assert.True(world.Slack.DropLink());
        Assert.True(world.Slack.DropLink());
        await world.Slack.WaitForLinksAsync(2);

        await world.Alice.ClickAsync(question, "uat");
        var confirm = await world.ReplyAsync(Ops, thread, 2);
        await world.Alice.ClickAsync(confirm, "Confirm");
        Assert.Equal("done", (await world.ReplyAsync(Ops, thread, 3)).BlockText);

        Assert.True(world.Slack.TicketsIssued >= ticketsBefore + 2);
        Assert.Equal(0, world.Slack.TicketReuses);
        Assert.True(world.Bot.Socket.Greetings >= 4);
    }

    [Fact]
    public async Task Refresh_requested_reconnects_at_once_while_the_other_connection_keeps_delivering()
    {
        await using var world = await SlackWorld.StartAsync();
        await world.Slack.SendDisconnectAsync("warning", 0);
        await world.Slack.SendDisconnectAsync("refresh_requested", 0);

        // the second connection is still open, so an event sent right now is delivered and answered
        var mention = await world.Alice.MentionAsync(Ops, "echo still here");
        Assert.Equal("you said: still here", (await world.ReplyAsync(Ops, mention.MessageTs)).BlockText);
        await world.Slack.WaitForAsync(() => world.Slack.LinksAccepted >= 3 && world.Slack.OpenLinks == 2);
        Assert.Equal(0, world.Slack.TicketReuses);
    }

    [Fact]
    public async Task Every_envelope_is_acknowledged_even_while_the_handler_is_busy()
    {
        var slow = new SlowHandler();
        await using var world = await SlackWorld.StartAsync(handler: slow);
        var deliveries = new List<ChatOps.Sandbox.Slack.SlackDelivery>();
        for (var i = 0; i < 5; i++) deliveries.Add(await world.Alice.MentionAsync(Ops, $"echo {i}"));
        await Task.WhenAll(deliveries.Select(d => d.Acknowledged));
        Assert.True(slow.Started < 5, "the acks did not wait for the turns");
        slow.Release.SetResult();
        await world.Slack.WaitForAsync(() => world.Slack.BotReplies(Ops, deliveries[^1].MessageTs).Count == 1);
        Assert.Equal(0, world.Slack.Unacknowledged);
    }

    /// <summary>Holds every turn until released, so acks are seen to go out before the work.</summary>
    private sealed class SlowHandler : ChatOps.Core.Chat.ITurnHandler
    {
        private int _started;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Started => Volatile.Read(ref _started);

        public async Task<IReadOnlyList<ChatOps.Core.Chat.Reply>> HandleAsync(ChatOps.Core.Chat.IncomingTurn turn, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            await Release.Task.WaitAsync(cancellationToken);
            return [ChatOps.Core.Chat.Reply.Plain("ok")];
        }
    }
}
