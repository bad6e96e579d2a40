namespace ChatOps.Dialog.Tests;

public class ExactlyOnceTests
{
    [Fact]
    public async Task A_hundred_concurrent_confirmations_execute_exactly_once()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        var key = chat.Key;
        var turns = Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
            chat.Handler.HandleAsync(new Core.Chat.IncomingTurn(key, "alice", "", confirm), CancellationToken.None)));
        var replies = await Task.WhenAll(turns);
        Assert.Single(chat.Executor.Executed);
        Assert.Equal(99, replies.Count(r => r.Any(x => x.Text.Contains("will not run twice", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Two_handlers_sharing_a_store_confirm_once()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "restart cart in prod");
        var confirm = chat.Button("confirm:");
        var first = chat.Handler;
        var second = chat.NewHandler();
        var turn = new Core.Chat.IncomingTurn(chat.Key, "alice", "", confirm);
        await Task.WhenAll(Task.Run(() => first.HandleAsync(turn, CancellationToken.None)), Task.Run(() => second.HandleAsync(turn, CancellationToken.None)));
        Assert.Single(chat.Executor.Executed);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_handled_once()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy cart to uat", eventId: "Ev1");
        Assert.Empty(await chat.Say("alice", "deploy cart to uat", eventId: "Ev1"));
        Assert.Single(chat.Executor.Executed);
    }

    [Fact]
    public async Task A_late_click_after_execution_says_it_is_done()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        await chat.Press("alice", confirm);
        Assert.Contains("already done", await chat.Press("alice", confirm), StringComparison.Ordinal);
        Assert.Contains("earlier request", await chat.Press("alice", "confirm:0000"), StringComparison.Ordinal);
        Assert.Single(chat.Executor.Executed);
    }

    [Fact]
    public async Task A_restart_between_request_and_confirmation_loses_nothing()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        chat.NewHandler();
        await chat.Press("alice", confirm);
        Assert.Equal("prod", Assert.Single(chat.Executor.Executed).Command.Environment);
    }

    [Fact]
    public async Task An_expired_confirmation_is_refused_after_a_restart_too()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        chat.NewHandler();
        chat.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains("expired", await chat.Press("alice", confirm), StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
    }
}
