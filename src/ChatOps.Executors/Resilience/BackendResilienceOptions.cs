namespace ChatOps.Executors.Resilience;

/// <summary>Timeouts, retries and the circuit breaker of one backend (section <c>&lt;Backend&gt;:Resilience</c>).</summary>
public sealed class BackendResilienceOptions
{
    /// <summary>Longest wait for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for a call including its retries and Retry-After waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a read (GET) after 408, 429, 5xx or a timeout; writes are never retried by the handler.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base of the jittered exponential backoff; a Retry-After header wins over it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Share of failed calls (0..1) in <see cref="BreakerSampling"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in a sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The breaker's sampling window; at least twice <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before trying one.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
