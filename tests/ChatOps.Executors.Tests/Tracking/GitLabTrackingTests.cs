using System.Net;
using System.Text;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>GitLab runs end to end: deploy through the executor, the sandbox pipeline, its hooks to the bot's endpoint, and the chat the requester sees.</summary>
public sealed class GitLabTrackingTests(TrackingSandbox sandbox) : IClassFixture<TrackingSandbox>, IDisposable
{
    private TrackingBot Bot => sandbox.Bot;

    public void Dispose() => sandbox.Host.Knobs.Reset();

    [Fact]
    public async Task A_run_recorded_after_it_ended_is_drawn_ended_when_its_message_is_attached_and_the_thread_is_told_once()
    {
        // why: recovery after a restart adopts a pipeline that may already have passed; no hook or poll will come for it
        var (first, _, _) = await Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "checkout", "uat")));
        var adopted = Request(Cmd(IntentNames.Deploy, "checkout", "uat"));
        var run = await Bot.Tracker.TrackAsync(adopted, new ExecutionResult(true, "adopted", first.Run! with { Status = "success" }), default);
        Assert.Equal(RunStatus.Passed, run!.Status);

        var message = (await Bot.Chat.SendAsync(adopted.Conversation, new Reply("adopted", [], RunId: run.Id), null, default))!;
        await Bot.Tracker.AttachMessageAsync(run.Id, message, default);
        await Bot.Tracker.AttachMessageAsync(run.Id, message, default);

        var edit = Assert.Single(Bot.Chat.EditsOf(run.Id));
        Assert.StartsWith($"*{run.Summary}*: passed in ", edit, StringComparison.Ordinal);
        var note = Assert.Single(Bot.Chat.NotesOf(run.Id));
        Assert.Equal(message, note.Thread);
    }

    [Fact]
    public async Task A_deploy_is_followed_by_hooks_from_queued_to_running_to_passed_with_one_final_note()
    {
        var (result, run, message) = await Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "checkout", "uat")));
        Assert.NotNull(run);
        Assert.Equal((RunStatus.Queued, message), (run.Status, run.Message));
        Assert.StartsWith("deploy checkout to uat (GitLab pipeline #", run.Summary, StringComparison.Ordinal);

        sandbox.Advance(TimeSpan.FromSeconds(10));
        await RecordingChatAdapter.WaitUntilAsync(() => Bot.Chat.EditsOf(run.Id).Count == 1, "the running edit");
        sandbox.Advance(TimeSpan.FromSeconds(75));
        await RecordingChatAdapter.WaitUntilAsync(() => Bot.Chat.NotesOf(run.Id).Count == 1, "the final note");

        var edits = Bot.Chat.EditsOf(run.Id);
        Assert.Equal(2, edits.Count);
        Assert.StartsWith($"*{run.Summary}*: running for", edits[0], StringComparison.Ordinal);
        Assert.StartsWith($"*{run.Summary}*: passed in ", edits[1], StringComparison.Ordinal);
        Assert.EndsWith(result.Run!.WebUrl!, edits[1], StringComparison.Ordinal);
        Assert.All(Bot.Chat.Edits.Where(e => e.Reply.RunId == run.Id), e => Assert.Equal(message, e.Message));
        var note = Assert.Single(Bot.Chat.NotesOf(run.Id));
        Assert.Equal(message, note.Thread);
        Assert.StartsWith($"<@alice> {run.Summary} passed in ", note.Reply.Text, StringComparison.Ordinal);
        var stored = (await Bot.Store.GetAsync(run.Id, default))!;
        Assert.Equal([RunStatus.Queued, RunStatus.Running, RunStatus.Passed], stored.History.Select(h => h.Status));
        Assert.Equal(["start", "gitlab pipeline hook", "gitlab pipeline hook"], stored.History.Select(h => h.Source));
    }

    [Fact]
    public async Task A_failed_pipeline_shows_the_failed_job_and_the_end_of_its_log()
    {
        sandbox.Host.Knobs.FailingJob = "unit-test";
        var (_, run, _) = await Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "cart", "qa")));

        sandbox.Advance(TimeSpan.FromSeconds(60));
        await RecordingChatAdapter.WaitUntilAsync(() => Bot.Chat.NotesOf(run!.Id).Count == 1, "the final note");

        var live = Bot.Chat.EditsOf(run!.Id)[^1];
        Assert.Contains("*: failed after", live, StringComparison.Ordinal);
        Assert.Contains("\nFailed job `unit-test` (script_failure); last ", live, StringComparison.Ordinal);
        Assert.Contains("ERROR: Job failed: exit code 1\n```", live, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", live, StringComparison.Ordinal);
        Assert.Contains(": job `unit-test` failed.", Assert.Single(Bot.Chat.NotesOf(run.Id)).Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_delivery_changes_the_message_once()
    {
        sandbox.Host.Knobs.DeliveryDropRate = 1;
        var (_, run, _) = await Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "orders", "dev")));
        var hook = Hooks.Pipeline(run!.BackendRunId, "running");
        var duplicates = Bot.Tracker.Counters.Duplicate;

        Assert.Equal(HttpStatusCode.OK, await Hooks.GitLabAsync(Bot.Address, hook, TrackingSandbox.HookSecret, idempotencyKey: "delivery-1"));
        Assert.Equal(HttpStatusCode.OK, await Hooks.GitLabAsync(Bot.Address, hook, TrackingSandbox.HookSecret, idempotencyKey: "delivery-1"));
        Assert.Equal(HttpStatusCode.OK, await Hooks.GitLabAsync(Bot.Address, hook, TrackingSandbox.HookSecret, idempotencyKey: "delivery-2"));

        await RecordingChatAdapter.WaitUntilAsync(() => Bot.Tracker.Counters.Duplicate >= duplicates + 2 && Bot.Chat.EditsOf(run.Id).Count == 1,
            "one applied and two dropped deliveries");
        await Task.Delay(100);
        Assert.Single(Bot.Chat.EditsOf(run.Id));
        Assert.Equal(2, (await Bot.Store.GetAsync(run.Id, default))!.History.Count);
    }

    [Fact]
    public async Task A_late_running_after_success_leaves_the_run_passed()
    {
        sandbox.Host.Knobs.DeliveryDropRate = 1;
        var (_, run, _) = await Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "users", "dev")));
        var stale = Bot.Tracker.Counters.Stale;

        Assert.Equal(HttpStatusCode.OK, await Hooks.GitLabAsync(Bot.Address, Hooks.Pipeline(run!.BackendRunId, "success"), TrackingSandbox.HookSecret));
        await RecordingChatAdapter.WaitUntilAsync(() => Bot.Chat.NotesOf(run.Id).Count == 1, "the final note");
        Assert.Equal(HttpStatusCode.OK, await Hooks.GitLabAsync(Bot.Address, Hooks.Pipeline(run.BackendRunId, "running"), TrackingSandbox.HookSecret));
        await RecordingChatAdapter.WaitUntilAsync(() => Bot.Tracker.Counters.Stale == stale + 1, "the late hook to be refused");

        var stored = (await Bot.Store.GetAsync(run.Id, default))!;
        Assert.Equal([RunStatus.Queued, RunStatus.Passed], stored.History.Select(h => h.Status));
        Assert.Contains(": passed in", Assert.Single(Bot.Chat.EditsOf(run.Id)), StringComparison.Ordinal);
        Assert.Single(Bot.Chat.NotesOf(run.Id));
    }

    [Fact]
    public async Task A_forged_or_missing_token_gets_401_and_changes_nothing()
    {
        sandbox.Host.Knobs.DeliveryDropRate = 1;
        var (_, run, _) = await Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "search", "dev")));
        var hook = Hooks.Pipeline(run!.BackendRunId, "success");

        Assert.Equal(HttpStatusCode.Unauthorized, await Hooks.GitLabAsync(Bot.Address, hook, "forged-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Hooks.GitLabAsync(Bot.Address, hook, TrackingSandbox.HookSecret + "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Hooks.GitLabAsync(Bot.Address, hook, null));

        await Task.Delay(200);
        var stored = (await Bot.Store.GetAsync(run.Id, default))!;
        Assert.Equal((RunStatus.Queued, run.Version), (stored.Status, stored.Version));
        Assert.Empty(Bot.Chat.EditsOf(run.Id));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_one_that_is_not_json_gets_400()
    {
        var huge = "{\"object_kind\":\"pipeline\",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await Hooks.GitLabAsync(Bot.Address, huge, TrackingSandbox.HookSecret));
        Assert.Equal(HttpStatusCode.BadRequest, await Hooks.GitLabAsync(Bot.Address, "not json", TrackingSandbox.HookSecret));
        Assert.Equal(HttpStatusCode.OK, await Hooks.GitLabAsync(Bot.Address, "{\"object_kind\":\"push\"}", TrackingSandbox.HookSecret, "Push Hook"));
        Assert.True(Encoding.UTF8.GetByteCount(huge) > 1024 * 1024);
    }

    [Fact]
    public async Task When_every_hook_is_lost_the_poller_finishes_the_run()
    {
        sandbox.Host.Knobs.DeliveryDropRate = 1;
        var (_, run, message) = await Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "inventory", "dev")));

        sandbox.Advance(TimeSpan.FromSeconds(59));
        await Bot.Poller.PollOnceAsync(default);
        Assert.Equal(RunStatus.Queued, (await Bot.Store.GetAsync(run!.Id, default))!.Status);
        sandbox.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await Bot.Poller.PollOnceAsync(default) >= 1);

        var stored = (await Bot.Store.GetAsync(run.Id, default))!;
        Assert.Equal((RunStatus.Passed, "poll", "pipeline success"), (stored.Status, stored.History[^1].Source, stored.History[^1].Detail));
        Assert.Contains(": passed in", Assert.Single(Bot.Chat.EditsOf(run.Id)), StringComparison.Ordinal);
        Assert.Equal(message, Assert.Single(Bot.Chat.NotesOf(run.Id)).Thread);
        Assert.True(sandbox.Host.Knobs.DroppedDeliveries > 0);
    }
}
