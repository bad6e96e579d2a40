namespace ChatOps.Sandbox;

/// <summary>Run-time switches shared by all emulators: faults per emulator, step durations, a failing job and dropped deliveries.</summary>
public sealed class SandboxKnobs
{
    private readonly Random _random;
    private readonly Lock _gate = new();
    private StepDurations _steps = new();
    private string? _failingJob;
    private int _dropNext;
    private double _dropRate;
    private int _dropped;

    /// <summary>Creates knobs whose random draws repeat for the same seed.</summary>
    public SandboxKnobs(int seed = 20261120)
    {
        _random = new Random(seed);
        GitLab = new FaultKnobs(this);
        Zadig = new FaultKnobs(this);
        Kubernetes = new FaultKnobs(this);
    }

    /// <summary>Faults of the GitLab emulator.</summary>
    public FaultKnobs GitLab { get; }

    /// <summary>Faults of the Zadig emulator.</summary>
    public FaultKnobs Zadig { get; }

    /// <summary>Faults of the Kubernetes API emulator.</summary>
    public FaultKnobs Kubernetes { get; }

    /// <summary>Durations of simulated steps; read when a step is scheduled.</summary>
    public StepDurations Steps
    {
        get => Volatile.Read(ref _steps);
        set => Volatile.Write(ref _steps, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>A GitLab job name or a Zadig configured job name that fails with a log when it runs; null for none.</summary>
    public string? FailingJob
    {
        get => Volatile.Read(ref _failingJob);
        set => Volatile.Write(ref _failingJob, value);
    }

    /// <summary>Drops the next N outgoing webhooks and callbacks (all emulators).</summary>
    public int DropNextDeliveries
    {
        get { lock (_gate) { return _dropNext; } }
        set { lock (_gate) { _dropNext = Math.Max(0, value); } }
    }

    /// <summary>Share (0..1) of outgoing webhooks and callbacks dropped at random.</summary>
    public double DeliveryDropRate
    {
        get { lock (_gate) { return _dropRate; } }
        set { lock (_gate) { _dropRate = value; } }
    }

    /// <summary>How many webhooks and callbacks were dropped so far.</summary>
    public int DroppedDeliveries => Volatile.Read(ref _dropped);

    /// <summary>Turns every fault, failure and drop off and restores default step durations.</summary>
    public void Reset()
    {
        GitLab.Reset();
        Zadig.Reset();
        Kubernetes.Reset();
        Steps = new StepDurations();
        FailingJob = null;
        DropNextDeliveries = 0;
        DeliveryDropRate = 0;
    }

    internal bool IsFailingJob(string name) =>
        string.Equals(FailingJob, name, StringComparison.OrdinalIgnoreCase);

    internal double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }

    internal bool ShouldDropDelivery()
    {
        lock (_gate)
        {
            var drop = _dropNext > 0 || (_dropRate > 0 && _random.NextDouble() < _dropRate);
            if (_dropNext > 0)
            {
                _dropNext--;
            }

            if (drop)
            {
                _dropped++;
            }

            return drop;
        }
    }
}
