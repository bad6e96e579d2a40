using ChatOps.Core.Chat;
using ChatOps.Core.Execution;

namespace ChatOps.Dialog.Tests;

/// <summary>A delivery whose process died is handed over again: handled if that process never saved it, dropped if it did.</summary>
public sealed class RedeliveryTests
{
    [Fact]
    public async Task A_delivery_claimed_by_a_process_that_died_before_saving_is_handled_when_redelivered()
    {
        var chat = new ChatScript();
        // the first process claimed the event, then died before deciding anything
        Assert.True(await chat.Claims.TryClaimAsync(new IdempotencyKey("event:Ev1"), "alice", CancellationToken.None));

        Assert.Empty(await chat.Handler.HandleAsync(new IncomingTurn(chat.Key, "alice", "deploy checkout to prod", EventId: "Ev1"), CancellationToken.None));
        var replies = await chat.Handler.HandleAsync(new IncomingTurn(chat.Key, "alice", "deploy checkout to prod", EventId: "Ev1", Redelivered: chat.Time.GetUtcNow()), CancellationToken.None);

        Assert.Contains(replies.SelectMany(r => r.Buttons), b => b.ActionId.StartsWith("confirm:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delivery_its_first_process_saved_is_dropped_when_redelivered_and_runs_nothing_twice()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = new IncomingTurn(chat.Key, "alice", "", chat.Button("confirm:"), EventId: "Ev2");
        Assert.NotEmpty(await chat.Handler.HandleAsync(confirm, CancellationToken.None));

        chat.NewHandler();
        Assert.Empty(await chat.Handler.HandleAsync(confirm with { Redelivered = chat.Time.GetUtcNow().AddSeconds(-1) }, CancellationToken.None));
        Assert.Single(chat.Executor.Executed);
    }

    [Fact]
    public async Task An_action_that_would_run_at_once_asks_for_confirmation_when_its_message_comes_after_a_restart()
    {
        var live = new ChatScript();
        await live.Say("alice", "deploy checkout to uat");
        Assert.Single(live.Executor.Executed);

        var chat = new ChatScript();
        var replies = await chat.Handler.HandleAsync(
            new IncomingTurn(chat.Key, "alice", "deploy checkout to uat", EventId: "Ev3", Redelivered: chat.Time.GetUtcNow().AddMinutes(-2)), CancellationToken.None);
        Assert.Empty(chat.Executor.Executed);
        Assert.Contains(replies.SelectMany(r => r.Buttons), b => b.ActionId.StartsWith("confirm:", StringComparison.Ordinal));
        Assert.Contains(chat.Audit.Rows, r => r.Event.Rule == "asked because the message was handed over after a restart");
        Assert.StartsWith("I restarted before I could answer this message", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_handed_over_after_the_person_wrote_again_is_dropped()
    {
        var chat = new ChatScript();
        var sentAt = chat.Time.GetUtcNow();
        chat.Time.Advance(TimeSpan.FromSeconds(30));
        await chat.Say("alice", "deploy checkout to uat");
        Assert.Single(chat.Executor.Executed);

        var replies = await chat.Handler.HandleAsync(new IncomingTurn(chat.Key, "alice", "deploy checkout to uat", EventId: "Ev4", Redelivered: sentAt), CancellationToken.None);
        Assert.Empty(replies);
        Assert.Single(chat.Executor.Executed);
        Assert.Contains(chat.Audit.Rows, r => r.Event.Rule == "redelivered after a restart" && r.Event.Outcome == "refused");
    }

    [Fact]
    public async Task A_conversation_remembers_its_last_sixteen_deliveries()
    {
        var chat = new ChatScript();
        for (var i = 0; i < 20; i++)
        {
            await chat.Handler.HandleAsync(new IncomingTurn(chat.Key, "alice", i % 2 == 0 ? "deploy checkout" : "never mind", EventId: $"E{i}"), CancellationToken.None);
        }

        var handled = State.ConversationJson.Read((await chat.Store.LoadAsync(chat.Key, CancellationToken.None))!.StateJson).HandledEvents!;
        Assert.Equal(Enumerable.Range(4, 16).Select(i => $"E{i}"), handled);
    }
}
