using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
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
        var edit = Assert.Single(bot.Chat.Edits);
        Assert.Equal(message, edit.Message);
        Assert.Contains(": passed in", edit.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(message, Assert.Single(bot.Chat.NotesOf(run.Id)).Thread);
    }
}
