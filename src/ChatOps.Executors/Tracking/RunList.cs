using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;

namespace ChatOps.Executors.Tracking;

/// <summary>The answer to "what's running?" and <c>chatops runs</c>: the tracked runs as a table, active ones first.</summary>
public static class RunList
{
    /// <summary>A table of <paramref name="runs"/> (status with duration, requester, link), or a sentence when there are none.</summary>
    public static string Render(IReadOnlyList<RunRecord> runs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return "No runs are tracked yet.";
        }

        var active = runs.Count(r => !r.Status.IsTerminal());
        var rows = runs.OrderBy(r => r.Status.IsTerminal()).ThenByDescending(r => r.CreatedAt)
            .Select(r => (IReadOnlyList<string>)[r.Summary, RunMessage.State(r, now), r.RequestedBy, r.WebUrl ?? "-"]);
        return $"{ChatText.Number(active)} running, {ChatText.Number(runs.Count - active)} finished\n" + ChatTable.Render(["RUN", "STATUS", "BY", "LINK"], rows);
    }
}
