using System.Net;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>Zadig runs end to end: the product-workflow callback to the run's own URL (zadig.md §6.2) and the shared workflow webhook (§7.1).</summary>
public sealed class ZadigTrackingTests(TrackingSandbox sandbox) : IClassFixture<TrackingSandbox>
{
    private TrackingBot Bot => sandbox.Bot;

    [Fact]
    public async Task A_callback_with_a_wrong_token_is_refused_and_the_real_callback_to_the_run_url_finishes_the_run()
    {
        var (_, run, message) = await Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "notifications", "dev")));
        Assert.NotNull(run);
        Assert.Equal(("zadig", "shop-workflow-dev:1"), (run.Backend, run.BackendRunId));
        Assert.Equal(43, run.CallbackToken?.Length);
        var forged = """{"status":"passed","task_id":1,"workflow_name":"shop-workflow-dev","error":"","vars":{},"images":[]}""";

        var token = run.CallbackToken!;
        var oneOff = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.NotFound, await Hooks.ZadigAsync(Bot.Address, "hooks/zadig/" + oneOff, forged));
        Assert.Equal(HttpStatusCode.NotFound, await Hooks.ZadigAsync(Bot.Address, "hooks/zadig/guess", forged));
        Assert.Equal(HttpStatusCode.NotFound, await Hooks.ZadigAsync(Bot.Address, "hooks/zadig/" + token,
            forged.Replace("\"task_id\":1", "\"task_id\":2", StringComparison.Ordinal)));
        Assert.Equal(RunStatus.Queued, (await Bot.Store.GetAsync(run.Id, default))!.Status);

        sandbox.Advance(TimeSpan.FromSeconds(60));
        await RecordingChatAdapter.WaitUntilAsync(() => Bot.Chat.NotesOf(run.Id).Count == 1, "the callback to finish the run");

        var stored = (await Bot.Store.GetAsync(run.Id, default))!;
        Assert.Equal((RunStatus.Passed, "zadig callback", "task passed"), (stored.Status, stored.History[^1].Source, stored.History[^1].Detail));
        Assert.Equal(message, Assert.Single(Bot.Chat.Edits, e => e.Reply.RunId == run.Id).Message);
        Assert.StartsWith("<@alice> deploy notifications to dev (Zadig task #1 of shop-workflow-dev) passed in", Bot.Chat.NotesOf(run.Id)[0].Reply.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_workflow_webhook_needs_the_configured_token_and_then_finishes_a_custom_workflow_run()
    {
        var (_, run, _) = await Bot.StartRunAsync(Request(Cmd(IntentNames.WorkflowRun, "cart", "dev")));
        Assert.NotNull(run);
        var body = $$$"""{"object_kind":"workflow","event":"workflow","workflow":{"task_id":{{{run.BackendRunId.Split(':')[1]}}},"workflow_name":"devops-dev","status":"failed"}}""";

        Assert.Equal(HttpStatusCode.Unauthorized, await Hooks.ZadigAsync(Bot.Address, "hooks/zadig", body, "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Hooks.ZadigAsync(Bot.Address, "hooks/zadig", body));

        sandbox.Advance(TimeSpan.FromSeconds(60));
        await RecordingChatAdapter.WaitUntilAsync(() => Bot.Chat.NotesOf(run.Id).Count == 1, "the webhook to finish the run");

        var stored = (await Bot.Store.GetAsync(run.Id, default))!;
        Assert.Equal((RunStatus.Passed, "zadig webhook"), (stored.Status, stored.History[^1].Source));
        Assert.Contains("/pipelines/custom/devops-dev", stored.WebUrl, StringComparison.Ordinal);
    }
}
