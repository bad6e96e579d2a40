namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A Deployment (apps/v1): the spec the user changes and what the simulated controller has observed.</summary>
internal sealed class KubeDeployment : KubeObject
{
    public required string App { get; init; }

    public required List<KubeContainer> Containers { get; set; }

    public Dictionary<string, string> TemplateAnnotations { get; set; } = [];

    public Dictionary<string, string> Annotations { get; init; } = [];

    public int Replicas { get; set; }

    public long Generation { get; set; } = 1;

    public long ObservedGeneration { get; set; } = 1;

    public KubeReplicaSet? Current { get; set; }

    public KubeCondition Available { get; } = new("Available");

    public KubeCondition Progressing { get; } = new("Progressing");

    /// <summary>Whole pods that may exist above the desired count during a rollout (maxSurge 25%, rounded up).</summary>
    public int MaxSurge => (Replicas + 3) / 4;

    /// <summary>Pods that may be unavailable during a rollout (maxUnavailable 25%, rounded down; 1 if both would be 0).</summary>
    public int MaxUnavailable => Replicas / 4 == 0 && MaxSurge == 0 ? 1 : Replicas / 4;
}
