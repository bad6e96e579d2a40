using ChatOps.Executors.Resilience;
using k8s;
using Microsoft.Extensions.Http.Resilience;

namespace ChatOps.Executors.Kubernetes;

/// <summary>Builds the KubernetesClient from a kubeconfig or the pod's service account, behind the same resilience policy as the other backends.</summary>
public static class KubernetesClientFactory
{
    /// <summary>Creates a client; throws when neither a kubeconfig nor in-cluster use is configured.</summary>
    public static IKubernetes Create(KubernetesOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.InCluster
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(
                options.KubeconfigPath ?? throw new InvalidOperationException("Kubernetes:KubeconfigPath is not set"), options.Context);
        config.HttpClientTimeout = options.Resilience.TotalTimeout + TimeSpan.FromSeconds(5);
        return new k8s.Kubernetes(config, new ResilienceHandler(BackendResilience.Pipeline(options.Resilience, time)));
    }
}
