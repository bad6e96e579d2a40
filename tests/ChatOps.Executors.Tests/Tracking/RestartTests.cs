using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>A bot that dies mid-run: a new tracker and poller over the same SQLite file resume the run and finish it in the original message.</summary>
public sealed class RestartTests(TrackingSandbox sandbox) : IClassFixture<TrackingSandbox>
{
    [Fact]
    public async Task A_run_in_flight_at_a_restart_is_resumed_by_polling_and_finished_in_the_original_message()
    {
        var (_, run, message) = await sandbox.Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "payments", "staging")));
        sandbox.Advance(TimeSpan.FromSeconds(10));
        await RecordingChatAdapter.WaitUntilAsync(() => sandbox.Bot.Chat.EditsOf(run!.Id).Count == 1, "the running edit");

        await sandbox.StopBotAsync();
        // why: hooks raised while the bot is down are lost; dropping them also keeps a late delivery from reaching the new bot first
        sandbox.Host.Knobs.DeliveryDropRate = 1;
        sandbox.Advance(TimeSpan.FromSeconds(75));
        sandbox.Host.Knobs.Reset();
        var bot = await sandbox.StartNewBotAsync();
        Assert.Contains(run!.Id, (await bot.Store.ListActiveAsync(default)).Select(r => r.Id));

        Assert.Equal(1, await bot.Poller.ResumeAsync(default));

        Assert.Empty(await bot.Store.ListActiveAsync(default));
        var stored = (await bot.Store.GetAsync(run.Id, default))!;
        Assert.Equal([RunStatus.Queued, RunStatus.Running, RunStatus.Passed], stored.History.Select(h => h.Status));
        Assert.Equal("poll", stored.History[^1].Source);
        // runs of other tests in this sandbox that ended just before the restart are drawn again too
        var edit = Assert.Single(bot.Chat.Edits, e => e.Reply.RunId == run.Id);
        Assert.Equal(message, edit.Message);
        Assert.Contains(": passed in", edit.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(message, Assert.Single(bot.Chat.NotesOf(run.Id)).Thread);
    }

    [Fact]
    public async Task A_run_whose_announcement_was_never_attached_gets_a_message_after_a_restart_once_and_it_shows_the_end()
    {
        // the process dies after the run is recorded and before its reply is posted and attached
        var request = Request(Cmd(IntentNames.Deploy, "payments", "staging"));
        Assert.True((await sandbox.Bot.Executor.ExecuteAsync(request, default)).Succeeded);
        await sandbox.StopBotAsync();
        sandbox.Advance(TimeSpan.FromSeconds(75));
        var bot = await sandbox.StartNewBotAsync();

        await bot.Poller.ResumeAsync(default);
        await bot.Poller.PollOnceAsync(default);

        var stored = (await bot.Store.GetAsync(request.Key.Value, default))!;
        var posted = Assert.Single(bot.Chat.Posts, p => p.Reply.RunId == stored.Id && !p.Reply.Text.StartsWith("<@", StringComparison.Ordinal));
        Assert.Equal(posted.Message, stored.Message);
        Assert.Equal(request.Conversation, posted.Conversation);
        Assert.Contains(": passed in", posted.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_announcement_the_chat_can_find_again_is_attached_and_edited_instead_of_posted_anew()
    {
        var request = Request(Cmd(IntentNames.Deploy, "payments", "staging"));
        Assert.True((await sandbox.Bot.Executor.ExecuteAsync(request, default)).Succeeded);
        var lost = new MessageRef(request.Conversation.Channel, "1718000000.000777", request.Conversation.Thread);
        await sandbox.StopBotAsync();
        sandbox.Advance(TimeSpan.FromSeconds(75));
        var finder = new OneMessageFinder(request.Key.Value, lost);
        var bot = await sandbox.StartNewBotAsync(services => services.AddSingleton<IRunMessageFinder>(finder));

        await bot.Poller.PollOnceAsync(default);

        Assert.Equal(lost, (await bot.Store.GetAsync(request.Key.Value, default))!.Message);
        Assert.DoesNotContain(bot.Chat.Posts, p => p.Reply.RunId == request.Key.Value && !p.Reply.Text.StartsWith("<@", StringComparison.Ordinal));
        Assert.Contains(bot.Chat.Edits, e => e.Message == lost);
        Assert.Equal([request.Key.Value], finder.Asked);
    }

    [Fact]
    public async Task A_run_whose_end_was_stored_but_never_drawn_is_drawn_by_the_next_start()
    {
        var (_, run, message) = await sandbox.Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "payments", "qa")));
        // the process stored the end and died before editing the message
        var stored = (await sandbox.Bot.Store.GetAsync(run!.Id, default))!;
        var now = sandbox.Time.GetUtcNow();
        Assert.True(await sandbox.Bot.Store.UpdateAsync(stored with
        {
            Status = RunStatus.Passed, History = [.. stored.History, new RunStatusChange(RunStatus.Passed, now, "hook", "success")], UpdatedAt = now,
        }, default));
        await sandbox.StopBotAsync();
        var bot = await sandbox.StartNewBotAsync();

        await bot.Poller.ResumeAsync(default);

        var edit = Assert.Single(bot.Chat.Edits, e => e.Message == message);
        Assert.Contains(": passed in", edit.Reply.Text, StringComparison.Ordinal);
    }

    /// <summary>A chat that can find the one message a dead process posted for one run.</summary>
    private sealed class OneMessageFinder(string runId, MessageRef message) : IRunMessageFinder
    {
        public List<string> Asked { get; } = [];

        public Task<MessageRef?> FindRunMessageAsync(ConversationKey conversation, string id, CancellationToken cancellationToken)
        {
            Asked.Add(id);
            return Task.FromResult(id == runId ? message : null);
        }
    }
}
