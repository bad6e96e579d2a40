using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Core.Telemetry;
using ChatOps.Executors.Zadig;
using Microsoft.Extensions.Logging;

namespace ChatOps.Executors.Tracking;

/// <summary>Follows the runs the bot starts: records them, applies every status report (forward only), and keeps their chat message current.</summary>
public sealed partial class RunTracker
{
    private const int MaxWriteAttempts = 8;

    private readonly IRunStore _store;
    private readonly IChatAdapter _chat;
    private readonly RunBackends _backends;
    private readonly RunCallbacks _callbacks;
    private readonly TimeProvider _time;
    private readonly ILogger<RunTracker> _log;
    private readonly RunLocks _locks = new();
    private readonly RecentKeys _recent = new(50_000);
    private readonly RecentKeys _reannounced = new(10_000);
    private readonly IRunMessageFinder? _finder;

    /// <summary>Creates the tracker over the run store, the chat adapter that posts and edits messages, and the backends it can ask;
    /// <paramref name="finder"/> (the chat adapter, when it can) finds an announcement a killed process posted but never attached.</summary>
    public RunTracker(IRunStore store, IChatAdapter chat, RunBackends backends, RunCallbacks callbacks, TimeProvider time, ILogger<RunTracker> log,
        IRunMessageFinder? finder = null)
    {
        _finder = finder;
        _store = store;
        _chat = chat;
        _backends = backends;
        _callbacks = callbacks;
        _time = time;
        _log = log;
    }

    /// <summary>How many updates were applied, unknown, duplicate, stale or conflicting since start.</summary>
    public TrackerCounters Counters { get; } = new();

    /// <summary>Records the run a successful execution started (its id is the request key) and returns it; null when nothing needs following.</summary>
    /// <remarks>Idempotent: tracking the same request again returns the stored run.</remarks>
    public async Task<RunRecord?> TrackAsync(ExecutionRequest request, ExecutionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (result is not { Succeeded: true, Run: { } handle } || !RunSummary.StartingIntents.Contains(request.Command.Intent) || !_backends.Tracks(handle.Backend))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var status = BackendStatus.Map(handle.Backend, handle.Status) ?? RunStatus.Queued;
        var id = request.Key.Value;
        var run = new RunRecord
        {
            Id = id,
            Backend = handle.Backend,
            BackendRunId = await _backends.TrackingIdAsync(handle, id, cancellationToken).ConfigureAwait(false),
            RequestedBy = request.RequestedBy,
            Summary = RunSummary.Of(request.Command, handle),
            Conversation = request.Conversation,
            WebUrl = handle.WebUrl,
            Status = status,
            History = [new RunStatusChange(status, now, "start", handle.Status)],
            CreatedAt = now,
            UpdatedAt = now,
            CallbackToken = handle.Backend == ZadigExecutor.Backend ? _callbacks.TokenFor(id) : null,
            Version = 1,
        };
        if (await _store.AddAsync(run, cancellationToken).ConfigureAwait(false))
        {
            TrackingLog.Tracked(_log, run.Id, run.Backend, run.BackendRunId);
            BotMetrics.RunsStarted.Add(1, new KeyValuePair<string, object?>("backend", run.Backend));
            return run;
        }

        return await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Remembers where the adapter posted the reply carrying <see cref="Reply.RunId"/>, and draws the run there at once if it already moved.</summary>
    public async Task<RunRecord?> AttachMessageAsync(string runId, MessageRef message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(message);
        using var held = await _locks.EnterAsync(runId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            if (await _store.GetAsync(runId, cancellationToken).ConfigureAwait(false) is not { } run)
            {
                return null;
            }

            if (run.Message == message)
            {
                return run;
            }

            var next = run with { Message = message, UpdatedAt = _time.GetUtcNow() };
            if (await _store.UpdateAsync(next, cancellationToken).ConfigureAwait(false))
            {
                next = next with { Version = run.Version + 1 };
                // why: a run adopted after a restart may already have ended when it is recorded; no update will come to draw it or tell the thread
                var endedAtStart = next.History.Count == 1 && next.Status.IsTerminal();
                if (next.History.Count > 1 || endedAtStart)
                {
                    await DrawAsync(next, finalNote: endedAtStart, cancellationToken).ConfigureAwait(false);
                }

                return next;
            }
        }

        return null;
    }

    /// <summary>Draws a run's message again as the store has it (after a restart that may have cut off the last edit).</summary>
    public async Task RedrawAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        using var held = await _locks.EnterAsync(runId, cancellationToken).ConfigureAwait(false);
        if (await _store.GetAsync(runId, cancellationToken).ConfigureAwait(false) is { Message: not null } run)
        {
            await DrawAsync(run, finalNote: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives a run whose announcement was never attached a message: the one the dead process posted, found again when the chat can,
    /// else a new one in the run's thread drawn as the run stands now. Tried once per run per process; true when the run now has a message.</summary>
    public async Task<bool> ReannounceAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        if (_reannounced.Contains(runId)) return false;
        _reannounced.Add(runId);
        using var held = await _locks.EnterAsync(runId, cancellationToken).ConfigureAwait(false);
        if (await _store.GetAsync(runId, cancellationToken).ConfigureAwait(false) is not { Message: null } run) return false;
        try
        {
            var found = _finder is null ? null : await _finder.FindRunMessageAsync(run.Conversation, run.Id, cancellationToken).ConfigureAwait(false);
            var message = found ?? await _chat.SendAsync(run.Conversation, RunMessage.Live(run, null, _time.GetUtcNow()), null, cancellationToken).ConfigureAwait(false);
            if (message is null) return false;
            var next = run with { Message = message, UpdatedAt = _time.GetUtcNow() };
            if (!await _store.UpdateAsync(next, cancellationToken).ConfigureAwait(false)) return false;
            TrackingLog.Reannounced(_log, run.Id, found is null ? "posted anew" : "found again");
            // why: the found message shows the run as it was when posted; a new one was drawn as it is now
            if (found is not null) await DrawAsync(next with { Version = run.Version + 1 }, finalNote: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TrackingLog.ChatFailed(_log, ex, run.Id, run.Status);
            return false;
        }
    }

    /// <summary>The answer to "what's running?": the most recent runs as a table, active ones first.</summary>
    public async Task<string> DescribeRecentAsync(int count, CancellationToken cancellationToken) =>
        RunList.Render(await _store.ListRecentAsync(count, cancellationToken).ConfigureAwait(false), _time.GetUtcNow());

    /// <summary>The most recent runs, newest first ("what's running?", <c>chatops runs</c>).</summary>
    public Task<IReadOnlyList<RunRecord>> ListRecentAsync(int count, CancellationToken cancellationToken) => _store.ListRecentAsync(count, cancellationToken);
}
