namespace ChatOps.Executors.Tracking;

/// <summary>How many updates the tracker saw, by outcome (for metrics, logs and tests).</summary>
public sealed class TrackerCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<RunUpdateOutcome>().Length];

    /// <summary>Updates whose status was applied.</summary>
    public long Applied => Read(RunUpdateOutcome.Applied);

    /// <summary>Updates for runs the bot does not track.</summary>
    public long Unknown => Read(RunUpdateOutcome.Unknown);

    /// <summary>Repeated deliveries and same-status reports.</summary>
    public long Duplicate => Read(RunUpdateOutcome.Duplicate);

    /// <summary>Backward moves that were refused.</summary>
    public long Stale => Read(RunUpdateOutcome.Stale);

    /// <summary>Updates given up after losing the version race repeatedly.</summary>
    public long Conflict => Read(RunUpdateOutcome.Conflict);

    /// <summary>Every update handled, whatever its outcome.</summary>
    public long Total => Enum.GetValues<RunUpdateOutcome>().Sum(Read);

    internal void Record(RunUpdateOutcome outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

    private long Read(RunUpdateOutcome outcome) => Interlocked.Read(ref _counts[(int)outcome]);
}
