using System.Collections.Concurrent;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Tracking;

/// <summary>The fallback for lost hooks (and the only news of a Kubernetes rollout, which sends none): asks the backend about every active run
/// that has been quiet for <see cref="TrackingOptions.HookGrace"/> (rollouts at once),
/// with exponential backoff while nothing changes, and feeds the answers to <see cref="RunTracker.ApplyAsync"/>.</summary>
public sealed class RunPoller
{
    private readonly IRunStore _store;
    private readonly RunTracker _tracker;
    private readonly RunBackends _backends;
    private readonly TrackingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RunPoller> _log;
    private readonly ConcurrentDictionary<string, PollSchedule> _schedules = new(StringComparer.Ordinal);

    /// <summary>How far back a start redraws the runs that ended: longer than a restart takes.</summary>
    private static readonly TimeSpan RedrawWindow = TimeSpan.FromMinutes(2);

    private const int RedrawLimit = 200;

    /// <summary>Creates the poller over the run store and the tracker it reports to.</summary>
    public RunPoller(IRunStore store, RunTracker tracker, RunBackends backends, IOptions<TrackingOptions> options, TimeProvider time, ILogger<RunPoller> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _tracker = tracker;
        _backends = backends;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    /// <summary>Polls every active run once, quiet or not (after a restart, hooks may have been lost while the bot was down); returns how many were asked.</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        // why: first, so a run the poll is about to finish is not drawn twice
        await RedrawRecentlyEndedAsync(cancellationToken).ConfigureAwait(false);
        var polled = await PollAsync(force: true, cancellationToken).ConfigureAwait(false);
        TrackingLog.Resumed(_log, polled);
        return polled;
    }

    /// <summary>A process killed between storing a run's end and editing its message leaves the message behind; runs that ended just before
    /// this start are drawn once more (an edit with the same content changes nothing).</summary>
    private async Task RedrawRecentlyEndedAsync(CancellationToken cancellationToken)
    {
        var since = _time.GetUtcNow() - RedrawWindow;
        foreach (var run in await _store.ListRecentAsync(RedrawLimit, cancellationToken).ConfigureAwait(false))
        {
            if (run.Status.IsTerminal() && run.Message is not null && run.UpdatedAt >= since)
            {
                await _tracker.RedrawAsync(run.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Polls the active runs that are quiet and due; the host calls it on a timer. Returns how many were asked.</summary>
    public Task<int> PollOnceAsync(CancellationToken cancellationToken) => PollAsync(force: false, cancellationToken);

    /// <summary>Resumes, then polls on every <see cref="TrackingOptions.PollInterval"/> tick of the clock until cancelled; a failed tick is logged and retried.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        for (var first = true; first || await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false); first = false)
        {
            try
            {
                await (first ? ResumeAsync(cancellationToken) : PollOnceAsync(cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                TrackingLog.PollTickFailed(_log, ex);
            }
        }
    }

    private async Task<int> PollAsync(bool force, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var active = await _store.ListActiveAsync(cancellationToken).ConfigureAwait(false);
        var due = active.Where(run => _backends.Tracks(run.Backend) && (force || IsDue(run, now))).ToList();
        foreach (var gone in _schedules.Keys.Except(active.Select(r => r.Id), StringComparer.Ordinal))
        {
            _schedules.TryRemove(gone, out _);
        }

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            (run, token) => new ValueTask(PollRunAsync(run, now, token))).ConfigureAwait(false);
        await ReannounceAsync(now, cancellationToken).ConfigureAwait(false);
        return due.Count;
    }

    /// <summary>Runs of the last day still without a chat message <see cref="TrackingOptions.AnnounceGrace"/> after they started get one.</summary>
    private async Task ReannounceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var run in await _store.ListUnannouncedAsync(now - TimeSpan.FromDays(1), now - _options.AnnounceGrace, cancellationToken).ConfigureAwait(false))
        {
            await _tracker.ReannounceAsync(run.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Quiet for the grace period and past its backoff; any news (a newer UpdatedAt) restarts the backoff.</summary>
    private bool IsDue(RunRecord run, DateTimeOffset now)
    {
        var grace = RunBackends.SendsHooks(run.Backend) ? _options.HookGrace : TimeSpan.Zero;
        if (now - run.UpdatedAt < grace)
        {
            _schedules.TryRemove(run.Id, out _);
            return false;
        }

        var schedule = _schedules.GetOrAdd(run.Id, _ => new PollSchedule(run.UpdatedAt, now, TimeSpan.Zero));
        if (schedule.SeenUpdate != run.UpdatedAt)
        {
            _schedules[run.Id] = schedule = new PollSchedule(run.UpdatedAt, now, TimeSpan.Zero);
        }

        return now >= schedule.NextAt;
    }

    private async Task PollRunAsync(RunRecord run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = _schedules.TryGetValue(run.Id, out var s) ? s.Backoff : TimeSpan.Zero;
        var backoff = previous == TimeSpan.Zero ? _options.PollMinBackoff : Min(previous * 2, _options.PollMaxBackoff);
        try
        {
            if (await _backends.PollAsync(run, now, cancellationToken).ConfigureAwait(false) is { } update)
            {
                await _tracker.ApplyAsync(update, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TrackingLog.PollFailed(_log, ex, run.Backend, run.Id, backoff);
        }

        // why: keyed by the UpdatedAt seen before the poll, so a status the poll itself applied restarts the backoff at the next look
        _schedules[run.Id] = new PollSchedule(run.UpdatedAt, now + backoff, backoff);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>When a quiet run is next asked, and the wait that led there.</summary>
    private sealed record PollSchedule(DateTimeOffset SeenUpdate, DateTimeOffset NextAt, TimeSpan Backoff);
}
