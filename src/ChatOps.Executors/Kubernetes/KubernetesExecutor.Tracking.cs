using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Tracking;

namespace ChatOps.Executors.Kubernetes;

public sealed partial class KubernetesExecutor
{
    /// <summary>The tracked id of a restart or scale: the Deployment, and the run it belongs to, so two rollouts of one Deployment stay apart.</summary>
    internal static string TrackingId(RunHandle handle, string runId) => $"{handle.RunId}@{runId}";

    /// <summary>Reads the Deployment of a tracked rollout and reports it as kubectl's rollout status would: progressing, complete or failed.</summary>
    internal async Task<RunUpdate?> PollRolloutAsync(string backendRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = backendRunId.LastIndexOf('@');
        var parts = (at > 0 ? backendRunId[..at] : backendRunId).Split('/');
        if (parts is not [var ns, "deployments", var name])
        {
            throw new FormatException($"Tracked rollout id '{backendRunId}' is not 'namespace/deployments/name@run'.");
        }

        var target = new KubernetesBinding(ns, name, $"app={name}");
        var (status, text) = Rollout(await ReadDeploymentAsync(target, cancellationToken).ConfigureAwait(false));
        return BackendStatus.Map(Backend, status) is { } mapped ? new RunUpdate(Backend, backendRunId, mapped, now, "poll", text) : null;
    }
}
