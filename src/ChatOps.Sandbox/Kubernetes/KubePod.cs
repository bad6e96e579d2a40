namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A pod whose phase follows the clock: Pending until StartedAt, Running not ready until ReadyAt, then ready.</summary>
internal sealed class KubePod : KubeObject
{
    public required KubeReplicaSet Owner { get; init; }

    public required string Node { get; init; }

    public required string PodIp { get; init; }

    public required string HostIp { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset ReadyAt { get; init; }

    /// <summary>When the first log line was written; lines follow every few seconds.</summary>
    public required DateTimeOffset LogStart { get; init; }

    public DateTimeOffset? DeletedAt { get; set; }

    public int RestartCount { get; init; }

    public DateTimeOffset? LastTerminatedAt { get; init; }

    public IReadOnlyList<KubeContainer> Containers => Owner.Containers;

    public bool IsActive => DeletedAt is null;

    public bool IsStarted(DateTimeOffset now) => now >= StartedAt;

    public bool IsReady(DateTimeOffset now) => IsActive && now >= ReadyAt;
}
