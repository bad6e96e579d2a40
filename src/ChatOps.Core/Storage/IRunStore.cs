using ChatOps.Core.Chat;
using ChatOps.Core.Execution;

namespace ChatOps.Core.Storage;

/// <summary>Keeps the runs the bot follows, so hooks, polls and restarts all see the same status.</summary>
public interface IRunStore
{
    /// <summary>Stores a new run; false when a run with the same id exists.</summary>
    Task<bool> AddAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The run a backend id belongs to, or null for a run the bot did not start.</summary>
    Task<RunRecord?> FindByBackendAsync(string backend, string backendRunId, CancellationToken cancellationToken);

    /// <summary>Replaces the run if its stored version is still <see cref="RunRecord.Version"/>; false when someone else wrote first.</summary>
    Task<bool> UpdateAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>Runs not yet ended (for polling and resuming after a restart).</summary>
    Task<IReadOnlyList<RunRecord>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Runs created between <paramref name="since"/> and <paramref name="before"/> that no chat message shows (their announcement was
    /// never attached, e.g. the process died between posting it and saying where it landed), oldest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListUnannouncedAsync(DateTimeOffset since, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The most recent runs, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListRecentAsync(int count, CancellationToken cancellationToken);
}
