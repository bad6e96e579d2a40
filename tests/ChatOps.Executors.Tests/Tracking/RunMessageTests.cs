using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Executors.Tracking;

namespace ChatOps.Executors.Tests.Tracking;

public sealed class RunMessageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public void A_failure_shows_duration_job_reason_log_tail_and_link_and_the_note_mentions_the_requester()
    {
        var run = Run(RunStatus.Failed, T0.AddSeconds(95));
        var failure = new RunFailure("deploy-uat", "script_failure", ["helm upgrade …", "Error: timed out"]);

        Assert.Equal("*deploy checkout to uat (GitLab pipeline #7)*: failed after 95s\nFailed job `deploy-uat` (script_failure); last 2 log lines:\n"
            + "```\nhelm upgrade …\nError: timed out\n```\nhttps://gitlab.example.com/p/-/pipelines/7", RunMessage.Live(run, failure, T0.AddHours(1)).Text);
        Assert.Equal("<@U42> deploy checkout to uat (GitLab pipeline #7) failed after 95s: job `deploy-uat` failed. https://gitlab.example.com/p/-/pipelines/7",
            RunMessage.Final(run, failure, T0.AddHours(1)).Text);
        Assert.Equal("r1", RunMessage.Live(run, failure, T0).RunId);
    }

    [Fact]
    public void Active_runs_show_how_long_they_have_been_going_and_the_list_puts_them_first()
    {
        var running = Run(RunStatus.Running, T0.AddSeconds(5));
        var passed = Run(RunStatus.Passed, T0.AddMinutes(3)) with { Id = "r2", Summary = "deploy cart to qa", CreatedAt = T0.AddMinutes(1) };

        Assert.Equal("running for 2m", RunMessage.State(running, T0.AddSeconds(150)));
        Assert.Equal("passed in 2m", RunMessage.State(passed, T0.AddHours(1)));
        Assert.Equal("queued", RunMessage.State(running with { Status = RunStatus.Queued }, T0));
        var list = RunList.Render([passed, running], T0.AddSeconds(150)).Split('\n');
        Assert.Equal("1 running, 1 finished", list[0]);
        Assert.StartsWith("deploy checkout to uat (GitLab pipeline #7)   running for 2m", list[3], StringComparison.Ordinal);
        Assert.StartsWith("deploy cart to qa", list[4], StringComparison.Ordinal);
        Assert.Equal("No runs are tracked yet.", RunList.Render([], T0));
    }

    [Theory]
    [InlineData("gitlab", "created", RunStatus.Queued)]
    [InlineData("gitlab", "manual", RunStatus.Running)]
    [InlineData("gitlab", "success", RunStatus.Passed)]
    [InlineData("gitlab", "skipped", RunStatus.Canceled)]
    [InlineData("gitlab", "canceled", RunStatus.Canceled)]
    [InlineData("gitlab", "something-new", null)]
    [InlineData("zadig", "", RunStatus.Queued)]
    [InlineData("zadig", "wait_for_approval", RunStatus.Running)]
    [InlineData("zadig", "unstable", RunStatus.Passed)]
    [InlineData("zadig", "reject", RunStatus.Failed)]
    [InlineData("zadig", "cancelled", RunStatus.Canceled)]
    public void Backend_statuses_map_onto_run_statuses(string backend, string status, RunStatus? expected) =>
        Assert.Equal(expected, BackendStatus.Map(backend, status));

    private static RunRecord Run(RunStatus status, DateTimeOffset at) => new()
    {
        Id = "r1",
        Backend = "gitlab",
        BackendRunId = "1:7",
        RequestedBy = "U42",
        Summary = "deploy checkout to uat (GitLab pipeline #7)",
        Conversation = new ConversationKey("T1", "C1", "1"),
        WebUrl = "https://gitlab.example.com/p/-/pipelines/7",
        Status = status,
        History = [new(RunStatus.Queued, T0, "start"), new(status, at, "hook")],
        CreatedAt = T0,
        UpdatedAt = at,
        Version = 3,
    };
}
