using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using k8s;
using k8s.Models;

namespace ChatOps.Executors.Kubernetes;

public sealed partial class KubernetesExecutor
{
    /// <summary>The pods of a service as kubectl prints them: name, ready, status, restarts, age, node.</summary>
    public async Task<ExecutionResult> PodsAsync(KubernetesBinding target, CancellationToken cancellationToken)
    {
        var pods = await ListPodsAsync(target, cancellationToken).ConfigureAwait(false);
        if (pods.Count == 0)
        {
            return new ExecutionResult(true, $"No pods match {ChatText.Code(target.Selector)} in namespace {ChatText.Code(target.Namespace)}.");
        }

        var table = ChatTable.Render(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE"], pods.Select(p => (IReadOnlyList<string>)
        [
            p.Metadata.Name,
            $"{p.Status?.ContainerStatuses?.Count(c => c.Ready) ?? 0}/{p.Spec.Containers.Count}",
            PodStatus(p),
            ChatText.Number(p.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0),
            Age(p.Metadata.CreationTimestamp),
            p.Spec.NodeName ?? "<none>",
        ]));
        return new ExecutionResult(true, $"Pods of {Where(target)} ({target.Selector}):\n{table}");
    }

    private async Task<IList<V1Pod>> ListPodsAsync(KubernetesBinding target, CancellationToken cancellationToken)
    {
        try
        {
            var list = await client.CoreV1.ListNamespacedPodAsync(target.Namespace, labelSelector: target.Selector, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return list.Items.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (!Caller(ex, cancellationToken))
        {
            throw Explain(ex, $"list pods in namespace {target.Namespace}", $"There is no namespace {ChatText.Code(target.Namespace)}.");
        }
    }

    /// <summary>kubectl's STATUS column: Terminating, a waiting or terminated reason, else the phase.</summary>
    private static string PodStatus(V1Pod pod)
    {
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            return "Terminating";
        }

        var states = pod.Status?.ContainerStatuses ?? [];
        var waiting = states.Select(c => c.State?.Waiting?.Reason).FirstOrDefault(r => !string.IsNullOrEmpty(r));
        var terminated = states.Select(c => c.State?.Terminated?.Reason).FirstOrDefault(r => !string.IsNullOrEmpty(r));
        return waiting ?? terminated ?? pod.Status?.Phase ?? "Unknown";
    }
}
