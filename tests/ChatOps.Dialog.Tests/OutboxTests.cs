using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Dialog.Tests.Fakes;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog.Tests;

/// <summary>A turn's state is saved before its replies are posted: replies no surface reports posted (the process died in between, or the
/// chat refused them) are posted by the sweep, once they are due, and never after they are reported.</summary>
public sealed class OutboxTests
{
    private static readonly TimeSpan Redeliver = new DialogOptions().RedeliverAfter;

    [Fact]
    public async Task A_confirmation_saved_but_never_posted_is_posted_by_the_sweep_and_its_Confirm_runs_once()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod", posted: false);
        var lost = chat.Last.Where(r => !r.Ephemeral).ToList();
        var confirm = chat.Button("confirm:");
        chat.NewHandler();

        Assert.Empty(await chat.Handler.SweepDueAsync(CancellationToken.None));
        chat.Time.Advance(Redeliver + TimeSpan.FromSeconds(1));
        var swept = await chat.Handler.SweepDueAsync(CancellationToken.None);
        Assert.All(swept, s => Assert.Equal(chat.Key, s.Key));
        Assert.Equal(lost.Select(r => r.Text), swept.Select(s => s.Reply.Text));
        Assert.Contains(swept.SelectMany(s => s.Reply.Buttons), b => b.ActionId == confirm);

        await chat.Handler.DeliveredAsync(chat.Key, Deliveries.Of(swept.Select(s => s.Reply)), CancellationToken.None);
        chat.Time.Advance(Redeliver * 2);
        Assert.Empty(await chat.Handler.SweepDueAsync(CancellationToken.None));
        await chat.Press("alice", confirm);
        Assert.Single(chat.Executor.Executed);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Only_a_reply_nobody_reported_posted_is_posted_again(bool posted, int again)
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout", posted: posted);
        Assert.All(chat.Last, r => Assert.NotNull(r.DeliveryId));
        chat.Time.Advance(Redeliver + TimeSpan.FromSeconds(1));
        var swept = await chat.Handler.SweepDueAsync(CancellationToken.None);
        Assert.Equal(again, swept.Count);
        if (again > 0) Assert.Equal(chat.Text, swept[0].Reply.Text);
    }

    [Fact]
    public async Task The_outcome_of_a_confirmed_request_whose_post_was_lost_is_posted_by_the_sweep_without_running_it_again()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        await chat.Press("alice", chat.Button("confirm:"), posted: false);
        Assert.Contains("started deploy of checkout in prod", chat.Text, StringComparison.Ordinal);
        chat.NewHandler();

        chat.Time.Advance(Redeliver + TimeSpan.FromSeconds(1));
        var swept = await chat.Handler.SweepDueAsync(CancellationToken.None);
        Assert.Contains(swept, s => s.Reply.Text.Contains("started deploy of checkout in prod", StringComparison.Ordinal));
        Assert.Single(chat.Executor.Executed);
        Assert.Equal(DialogState.Done, await StateAsync(chat));
    }

    [Fact]
    public async Task An_unposted_confirmation_that_expired_is_not_posted_only_its_expiry_is()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod", posted: false);
        chat.Time.Advance(ChatScript.OpenPolicy.ConfirmationTimeout + TimeSpan.FromSeconds(1));
        var (_, expired) = Assert.Single(await chat.Handler.SweepDueAsync(CancellationToken.None));
        Assert.Empty(expired.Buttons);
        Assert.Contains("expired", expired.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DialogState.Expired, await StateAsync(chat));
    }

    [Fact]
    public async Task A_reply_the_chat_keeps_refusing_is_given_up_after_MaxReposts()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout", posted: false);
        var posts = 0;
        for (var i = 0; i < TurnHandler.MaxReposts + 3; i++)
        {
            chat.Time.Advance(Redeliver + TimeSpan.FromSeconds(1));
            posts += (await chat.Handler.SweepDueAsync(CancellationToken.None)).Count;
        }

        Assert.Equal(TurnHandler.MaxReposts, posts);
        var stored = await chat.Store.LoadAsync(chat.Key, CancellationToken.None);
        Assert.Null(ConversationJson.Read(stored!.StateJson).Outbox);
        Assert.DoesNotContain(chat.Key, await chat.Store.ListDueAsync(chat.Time.GetUtcNow().AddYears(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_reply_only_the_sender_sees_is_not_kept()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        await chat.Press("bob", chat.Button("confirm:"), posted: false);
        var refusal = Assert.Single(chat.Last);
        Assert.True(refusal.Ephemeral);
        Assert.Null(refusal.DeliveryId);
        chat.Time.Advance(Redeliver + TimeSpan.FromSeconds(1));
        Assert.Empty(await chat.Handler.SweepDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_runs_announcement_is_left_to_the_run_tracker_and_not_posted_a_second_time()
    {
        var executor = new RecordingExecutor { OnExecute = r => new ExecutionResult(true, "pipeline #7 started", new RunHandle("gitlab", "7", null, "created")) };
        var chat = new ChatScript(executor: executor);
        await chat.Say("alice", "deploy checkout to prod");
        await chat.Press("alice", chat.Button("confirm:"), posted: false);
        var announcement = Assert.Single(chat.Last, r => r.RunId is not null);
        Assert.Null(announcement.DeliveryId);

        chat.Time.Advance(Redeliver + TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await chat.Handler.SweepDueAsync(CancellationToken.None), s => s.Reply.Text.Contains("pipeline #7", StringComparison.Ordinal));
    }

    private static async Task<DialogState> StateAsync(ChatScript chat) =>
        ConversationJson.Read((await chat.Store.LoadAsync(chat.Key, CancellationToken.None))!.StateJson).State;
}
