namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A namespace (core/v1).</summary>
internal sealed class KubeNamespace : KubeObject;
