using ChatOps.Core.Execution;
using ChatOps.Core.Telemetry;

namespace ChatOps.Executors.Tracking;

public sealed partial class RunTracker
{
    /// <summary>The one place a run's status changes: finds the run by backend id, drops unknown, repeated and backward reports,
    /// stores the change against the row version (retrying a lost race), then edits the live message and, at the end, notifies the requester.</summary>
    public async Task<RunUpdateOutcome> ApplyAsync(RunUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var outcome = await DecideAsync(update, cancellationToken).ConfigureAwait(false);
        Counters.Record(outcome);
        BotMetrics.RunUpdates.Add(1, new("backend", update.Backend), new("outcome", outcome.ToString().ToLowerInvariant()));
        if (update.DedupeKey is { } key && outcome != RunUpdateOutcome.Conflict)
        {
            _recent.Add(key);
        }

        return outcome;
    }

    private async Task<RunUpdateOutcome> DecideAsync(RunUpdate update, CancellationToken cancellationToken)
    {
        if (update.DedupeKey is { } key && _recent.Contains(key))
        {
            return RunUpdateOutcome.Duplicate;
        }

        if (await _store.FindByBackendAsync(update.Backend, update.BackendRunId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            TrackingLog.UnknownRun(_log, update.Backend, update.BackendRunId, update.Status, update.Source);
            return RunUpdateOutcome.Unknown;
        }

        using var held = await _locks.EnterAsync(found.Id, cancellationToken).ConfigureAwait(false);
        var run = found;
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            if (attempt > 0)
            {
                // why: someone wrote between our read and our write (the previous holder of the run lock, or a replica)
                run = await _store.GetAsync(found.Id, cancellationToken).ConfigureAwait(false) ?? run;
            }

            if (run.Status == update.Status)
            {
                return RunUpdateOutcome.Duplicate;
            }

            if (!run.Status.CanMoveTo(update.Status))
            {
                TrackingLog.Stale(_log, run.Id, run.Status, update.Status, update.Source);
                return RunUpdateOutcome.Stale;
            }

            var next = run with
            {
                Status = update.Status,
                History = [.. run.History, new RunStatusChange(update.Status, update.At, update.Source, update.Detail)],
                WebUrl = run.WebUrl ?? update.WebUrl,
                UpdatedAt = _time.GetUtcNow(),
            };
            if (await _store.UpdateAsync(next, cancellationToken).ConfigureAwait(false))
            {
                if (update.Status.IsTerminal())
                {
                    BotMetrics.RunsFinished.Add(1, new("backend", run.Backend), new("result", update.Status.ToString().ToLowerInvariant()));
                }

                await DrawAsync(next with { Version = run.Version + 1 }, finalNote: update.Status.IsTerminal(), cancellationToken).ConfigureAwait(false);
                return RunUpdateOutcome.Applied;
            }
        }

        TrackingLog.Conflict(_log, found.Id, update.Status);
        return RunUpdateOutcome.Conflict;
    }
}
