using ChatOps.Core.Execution;

namespace ChatOps.Adapters.Api;

/// <summary>What <c>GET /api/runs/{id}</c> shows of a run: everything but its callback secret and chat addresses.</summary>
public sealed record RunView(
    string Id, string Backend, string BackendRunId, string Status, string Summary, string RequestedBy, string? WebUrl,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<RunStatusChange> History)
{
    /// <summary>The view of <paramref name="run"/>.</summary>
    public static RunView Of(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Backend, run.BackendRunId, run.Status.ToString().ToLowerInvariant(), run.Summary, run.RequestedBy, run.WebUrl,
            run.CreatedAt, run.UpdatedAt, run.History);
    }
}
