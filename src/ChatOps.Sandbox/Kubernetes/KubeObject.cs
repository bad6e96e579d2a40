namespace ChatOps.Sandbox.Kubernetes;

/// <summary>The metadata every stored Kubernetes object has.</summary>
internal abstract class KubeObject
{
    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public required string Uid { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public long ResourceVersion { get; set; }

    public Dictionary<string, string> Labels { get; init; } = [];
}
