using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;

namespace ChatOps.Executors.Tracking;

/// <summary>Draws a run in chat: the live message that is edited as the status changes, and the final note to the requester.</summary>
public static class RunMessage
{
    /// <summary>The live message: status and duration, the link, and for a failure the failed job and its last log lines.</summary>
    public static Reply Live(RunRecord run, RunFailure? failure, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = $"*{run.Summary}*: {State(run, now)}";
        if (run.Status == RunStatus.Failed && failure is not null)
        {
            text += $"\nFailed job {ChatText.Code(failure.Job)}" + (failure.Reason is { Length: > 0 } r ? $" ({r})" : "");
            if (failure.LogTail.Count > 0)
            {
                text += $"; last {failure.LogTail.Count} log lines:\n```\n{string.Join('\n', failure.LogTail)}\n```";
            }
        }

        return new Reply(text + (run.WebUrl is null ? "" : $"\n{run.WebUrl}"), [], RunId: run.Id);
    }

    /// <summary>The note threaded under the live message when the run ends, mentioning the requester.</summary>
    public static Reply Final(RunRecord run, RunFailure? failure, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var why = run.Status == RunStatus.Failed && failure is not null ? $": job {ChatText.Code(failure.Job)} failed" : "";
        return new Reply($"<@{run.RequestedBy}> {run.Summary} {State(run, now)}{why}." + (run.WebUrl is null ? "" : $" {run.WebUrl}"), [], RunId: run.Id);
    }

    /// <summary>"queued", "running for 12s", "passed in 2m", "failed after 45s", "cancelled after 3m".</summary>
    public static string State(RunRecord run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var end = run.Status.IsTerminal() && run.History.Count > 0 ? run.History[^1].At : now;
        var took = ChatText.Age(end - run.CreatedAt);
        return run.Status switch
        {
            RunStatus.Queued => "queued",
            RunStatus.Running => $"running for {took}",
            RunStatus.Passed => $"passed in {took}",
            RunStatus.Failed => $"failed after {took}",
            _ => $"cancelled after {took}",
        };
    }
}
