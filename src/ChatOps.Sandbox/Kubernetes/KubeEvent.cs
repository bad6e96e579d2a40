namespace ChatOps.Sandbox.Kubernetes;

/// <summary>An event about a pod or a Deployment, served as core/v1 and as events.k8s.io/v1.</summary>
internal sealed class KubeEvent : KubeObject
{
    public required string Type { get; init; }

    public required string Reason { get; init; }

    public required string Message { get; init; }

    public required KubeObject Regarding { get; init; }

    public required string RegardingKind { get; init; }

    public string? FieldPath { get; init; }

    public required string Component { get; init; }

    public string? Host { get; init; }

    public int Count { get; set; } = 1;

    public DateTimeOffset LastSeen { get; set; }
}
