using System.Collections.Concurrent;

namespace ChatOps.Soak;

/// <summary>What the simulated people did and saw, kept so the invariants can be checked against the backends at the end.</summary>
internal sealed class Ledger
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];
    private readonly List<double> _firstTry = [];
    private readonly List<string> _lost = [];
    private readonly List<string> _unexpected = [];
    private int _turns;
    private int _retries;
    private int _confirmsAfterRestart;

    /// <summary>Request keys whose Confirm the requester pressed, with what the bot answered to it.</summary>
    public ConcurrentDictionary<string, string> Confirmed { get; } = new(StringComparer.Ordinal);

    /// <summary>The thread each confirmed request was asked in, where the bot settles it after a kill cut off its Confirm.</summary>
    public ConcurrentDictionary<string, (string Channel, string Ts)> ConfirmThreads { get; } = new(StringComparer.Ordinal);

    /// <summary>Request keys whose prompt was answered with Cancel or "never mind".</summary>
    public ConcurrentDictionary<string, string> Cancelled { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages that announced a run (a pipeline or a rollout): each must show the run's end by the time the soak settles.</summary>
    public ConcurrentBag<(string Channel, string Ts, string What)> Announced { get; } = [];

    /// <summary>Threads where the bot answered "already running; it will not run twice": each must show a result by the end, or it was lost.</summary>
    public ConcurrentBag<(string Channel, string Thread, string What)> Stalled { get; } = [];

    /// <summary>Conversations finished, by script.</summary>
    public ConcurrentDictionary<string, int> Finished { get; } = new(StringComparer.Ordinal);

    public int Turns => Volatile.Read(ref _turns);

    public int Retries => Volatile.Read(ref _retries);

    public int ConfirmsAfterRestart => Volatile.Read(ref _confirmsAfterRestart);

    public IReadOnlyList<string> Lost
    {
        get
        {
            lock (_gate) return [.. _lost];
        }
    }

    public IReadOnlyList<string> Unexpected
    {
        get
        {
            lock (_gate) return [.. _unexpected];
        }
    }

    public IReadOnlyList<double> Latencies
    {
        get
        {
            lock (_gate) return [.. _latencies];
        }
    }

    /// <summary>Latencies of the turns answered at the first try (no repeat by the person).</summary>
    public IReadOnlyList<double> FirstTryLatencies
    {
        get
        {
            lock (_gate) return [.. _firstTry];
        }
    }

    public void Turn(TimeSpan latency, bool firstTry)
    {
        Interlocked.Increment(ref _turns);
        lock (_gate)
        {
            _latencies.Add(latency.TotalMilliseconds);
            if (firstTry) _firstTry.Add(latency.TotalMilliseconds);
        }
    }

    /// <summary>A turn that was sent and never answered still counts as a turn.</summary>
    public void Unanswered() => Interlocked.Increment(ref _turns);

    public void Retry() => Interlocked.Increment(ref _retries);

    public void ConfirmAfterRestart() => Interlocked.Increment(ref _confirmsAfterRestart);

    public void LoseConversation(string what)
    {
        lock (_gate) _lost.Add(what);
    }

    /// <summary>An answer the script did not expect (a backend error told in chat, a misread message): not a violation, but counted.</summary>
    public void Surprise(string what)
    {
        lock (_gate) _unexpected.Add(what);
    }

    public void Finish(string script) => Finished.AddOrUpdate(script, 1, (_, n) => n + 1);
}
