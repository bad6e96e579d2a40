namespace ChatOps.Sandbox;

/// <summary>How long each simulated step takes on the sandbox clock; swap the whole record to change several at once.</summary>
public sealed record StepDurations
{
    /// <summary>GitLab pipeline created → pending, and Zadig task created → running.</summary>
    public TimeSpan Queue { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A GitLab job pending → running (runner pickup).</summary>
    public TimeSpan Pickup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A GitLab job or Zadig job running → finished.</summary>
    public TimeSpan Job { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A Kubernetes controller noticing a spec change (observedGeneration catches up).</summary>
    public TimeSpan ControllerSync { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A new pod created → Running and ready.</summary>
    public TimeSpan PodStart { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>A deleted pod Terminating → gone.</summary>
    public TimeSpan PodStop { get; init; } = TimeSpan.FromSeconds(3);
}
