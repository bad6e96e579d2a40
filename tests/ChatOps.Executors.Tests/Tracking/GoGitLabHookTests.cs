using System.Net;
using System.Text.Json;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Tracking;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>go-gitlab's recorded Pipeline Hook and Job Hook, posted to the bot's real endpoint and matched to runs seeded with their ids.</summary>
public sealed class GoGitLabHookTests(TrackingSandbox sandbox) : IClassFixture<TrackingSandbox>
{
    [Fact]
    public void Both_recorded_payloads_parse_into_updates_for_their_pipeline()
    {
        var at = DateTimeOffset.UnixEpoch;
        using var pipeline = JsonDocument.Parse(GoGitLabFixtures.Read("pipeline.json"));
        using var build = JsonDocument.Parse(GoGitLabFixtures.Read("build.json"));

        Assert.Equal(new RunUpdate("gitlab", "1:31", RunStatus.Passed, at, "gitlab pipeline hook", "pipeline success", "k1"),
            GitLabHookParser.Parse(pipeline.RootElement, "k1", at));
        Assert.Equal(new RunUpdate("gitlab", "380:2366", RunStatus.Queued, at, "gitlab job hook", "job test created, pipeline created", "k2"),
            GitLabHookParser.Parse(build.RootElement, "k2", at));
    }

    [Fact]
    public async Task The_recorded_pipeline_hook_is_accepted_and_finishes_its_run_in_chat()
    {
        var (run, message) = await SeedAsync("1:31");

        var status = await Hooks.GitLabAsync(sandbox.Bot.Address, GoGitLabFixtures.Read("pipeline.json"), TrackingSandbox.HookSecret);

        Assert.Equal(HttpStatusCode.OK, status);
        await RecordingChatAdapter.WaitUntilAsync(() => sandbox.Bot.Chat.NotesOf(run.Id).Count == 1, "the final note");
        var stored = (await sandbox.Bot.Store.GetAsync(run.Id, default))!;
        Assert.Equal([RunStatus.Queued, RunStatus.Passed], stored.History.Select(h => h.Status));
        Assert.Equal(("gitlab pipeline hook", "pipeline success"), (stored.History[^1].Source, stored.History[^1].Detail));
        var edit = Assert.Single(sandbox.Bot.Chat.Edits, e => e.Reply.RunId == run.Id);
        Assert.Equal(message, edit.Message);
        Assert.StartsWith("*recorded pipeline*: passed in", edit.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recorded_job_hook_is_accepted_and_matched_to_its_pipeline_run()
    {
        var (run, _) = await SeedAsync("380:2366");
        var (duplicates, unknown) = (sandbox.Bot.Tracker.Counters.Duplicate, sandbox.Bot.Tracker.Counters.Unknown);

        var status = await Hooks.GitLabAsync(sandbox.Bot.Address, GoGitLabFixtures.Read("build.json"), TrackingSandbox.HookSecret, "Job Hook");

        Assert.Equal(HttpStatusCode.OK, status);
        // why: the recorded job is "created" in a "created" pipeline, so it matches the run and changes nothing
        await RecordingChatAdapter.WaitUntilAsync(() => sandbox.Bot.Tracker.Counters.Duplicate == duplicates + 1, "the job hook to be correlated");
        Assert.Equal(unknown, sandbox.Bot.Tracker.Counters.Unknown);
        Assert.Equal(RunStatus.Queued, (await sandbox.Bot.Store.GetAsync(run.Id, default))!.Status);
    }

    [Fact]
    public async Task A_hook_for_a_pipeline_the_bot_did_not_start_is_answered_200_counted_and_dropped()
    {
        var unknown = sandbox.Bot.Tracker.Counters.Unknown;

        var status = await Hooks.GitLabAsync(sandbox.Bot.Address, Hooks.Pipeline("999:424242", "success"), TrackingSandbox.HookSecret);

        Assert.Equal(HttpStatusCode.OK, status);
        await RecordingChatAdapter.WaitUntilAsync(() => sandbox.Bot.Tracker.Counters.Unknown == unknown + 1, "the unknown run to be recorded");
        Assert.Null(await sandbox.Bot.Store.FindByBackendAsync("gitlab", "999:424242", default));
    }

    private async Task<(RunRecord Run, MessageRef Message)> SeedAsync(string backendRunId)
    {
        var now = sandbox.Time.GetUtcNow();
        var run = new RunRecord
        {
            Id = "seed-" + backendRunId,
            Backend = "gitlab",
            BackendRunId = backendRunId,
            RequestedBy = "alice",
            Summary = "recorded pipeline",
            Conversation = new ConversationKey("T1", "C1", "1700000000.000100"),
            History = [new RunStatusChange(RunStatus.Queued, now, "start")],
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        Assert.True(await sandbox.Bot.Store.AddAsync(run, default));
        var message = (await sandbox.Bot.Chat.SendAsync(run.Conversation, new Reply("Started", [], RunId: run.Id), null, default))!;
        await sandbox.Bot.Tracker.AttachMessageAsync(run.Id, message, default);
        return (run, message);
    }
}
