namespace ChatOps.Soak;

/// <summary>The figures of one soak run, as printed and written to docs/soak.md.</summary>
internal sealed record SoakResult
{
    public required SoakOptions Options { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan LoadTime { get; init; }

    public required TimeSpan TotalTime { get; init; }

    public required int Turns { get; init; }

    public required int Retries { get; init; }

    public required double P50 { get; init; }

    public required double P99 { get; init; }

    public required double FirstTryP99 { get; init; }

    public required int Restarts { get; init; }

    /// <summary>"SQLite", or "PostgreSQL 15" when replicas share a database.</summary>
    public required string Storage { get; init; }

    public required double MeanDowntimeSeconds { get; init; }

    public required int ConfirmsAfterRestart { get; init; }

    public required int ServerErrors { get; init; }

    public required int RateLimited { get; init; }

    public required int LatencyBursts { get; init; }

    public required int DroppedWebhooks { get; init; }

    public required int Pipelines { get; init; }

    public required int RunsStarted { get; init; }

    public required int RunsFinished { get; init; }

    public required IReadOnlyDictionary<string, int> Finished { get; init; }

    public required int Unexpected { get; init; }

    public required IReadOnlyList<string> UnexpectedSamples { get; init; }

    public required int BotErrorLines { get; init; }

    public required IReadOnlyList<Invariants.Check> Checks { get; init; }

    public double TurnsPerSecond => Turns / LoadTime.TotalSeconds;

    public int Violations => Checks.Sum(c => c.Violations.Count);
}
