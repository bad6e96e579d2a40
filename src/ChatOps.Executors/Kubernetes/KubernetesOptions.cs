using ChatOps.Executors.Resilience;

namespace ChatOps.Executors.Kubernetes;

/// <summary>How the bot reaches the cluster (section <c>Kubernetes</c>): a kubeconfig file or the pod's service account.</summary>
public sealed class KubernetesOptions
{
    /// <summary>A kubeconfig file; ignored when <see cref="InCluster"/> is true.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>The kubeconfig context to use; null uses its current-context.</summary>
    public string? Context { get; set; }

    /// <summary>True to use the service account mounted into the bot's pod.</summary>
    public bool InCluster { get; set; }

    /// <summary>Timeouts, retries and circuit breaker.</summary>
    public BackendResilienceOptions Resilience { get; set; } = new();

    /// <summary>True when a cluster is configured.</summary>
    public bool IsConfigured => InCluster || !string.IsNullOrWhiteSpace(KubeconfigPath);
}
