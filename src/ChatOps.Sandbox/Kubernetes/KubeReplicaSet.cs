namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A ReplicaSet (apps/v1) owned by a Deployment; one per pod-template hash.</summary>
internal sealed class KubeReplicaSet : KubeObject
{
    public required KubeDeployment Owner { get; init; }

    public required string Hash { get; init; }

    public required int Revision { get; set; }

    public required IReadOnlyList<KubeContainer> Containers { get; init; }

    public required IReadOnlyDictionary<string, string> TemplateAnnotations { get; init; }

    public int Replicas { get; set; }
}
