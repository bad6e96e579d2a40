namespace ChatOps.Sandbox;

/// <summary>Transport faults one emulator injects before routing a request: latency, 5xx and 429.</summary>
public sealed class FaultKnobs
{
    private readonly SandboxKnobs _owner;
    private long _latencyTicks;
    private double _serverErrorRate;
    private double _rateLimitRate;
    private long _retryAfterTicks = TimeSpan.FromSeconds(30).Ticks;
    private int _rateLimited;
    private int _serverErrors;

    internal FaultKnobs(SandboxKnobs owner) => _owner = owner;

    /// <summary>Wall-clock delay added to every request (not simulated time, so tests on a fake clock never hang).</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Share of requests (0..1) answered with the emulator's 500 body.</summary>
    public double ServerErrorRate
    {
        get => Volatile.Read(ref _serverErrorRate);
        set => Volatile.Write(ref _serverErrorRate, value);
    }

    /// <summary>Share of requests (0..1) answered 429 with a Retry-After header.</summary>
    public double RateLimitRate
    {
        get => Volatile.Read(ref _rateLimitRate);
        set => Volatile.Write(ref _rateLimitRate, value);
    }

    /// <summary>The Retry-After value sent with injected 429s (whole seconds).</summary>
    public TimeSpan RetryAfter
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _retryAfterTicks));
        set => Interlocked.Exchange(ref _retryAfterTicks, value.Ticks);
    }

    /// <summary>How many requests were answered 429 by this knob so far.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>How many requests were answered 500 by this knob so far.</summary>
    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>Turns every fault of this emulator off.</summary>
    public void Reset()
    {
        Latency = TimeSpan.Zero;
        ServerErrorRate = 0;
        RateLimitRate = 0;
    }

    internal FaultKind Draw()
    {
        var rateLimit = RateLimitRate;
        var serverError = ServerErrorRate;
        if (rateLimit <= 0 && serverError <= 0)
        {
            return FaultKind.None;
        }

        var roll = _owner.NextDouble();
        if (roll < rateLimit)
        {
            Interlocked.Increment(ref _rateLimited);
            return FaultKind.RateLimited;
        }

        if (roll < rateLimit + serverError)
        {
            Interlocked.Increment(ref _serverErrors);
            return FaultKind.ServerError;
        }

        return FaultKind.None;
    }
}
