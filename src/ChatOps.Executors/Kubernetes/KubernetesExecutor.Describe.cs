using System.Text;
using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using k8s;
using k8s.Models;

namespace ChatOps.Executors.Kubernetes;

public sealed partial class KubernetesExecutor
{
    private const int RecentEvents = 10;

    /// <summary>A Deployment's replicas, images, conditions and recent events, like a short <c>kubectl describe deployment</c>.</summary>
    public async Task<ExecutionResult> DescribeDeploymentAsync(KubernetesBinding target, CancellationToken cancellationToken)
    {
        var d = await ReadDeploymentAsync(target, cancellationToken).ConfigureAwait(false);
        var s = d.Status;
        var text = new StringBuilder($"Deployment {Where(target)}\n");
        text.Append($"Replicas: {d.Spec.Replicas ?? 0} desired, {s?.UpdatedReplicas ?? 0} updated, {s?.Replicas ?? 0} total, ")
            .Append($"{s?.AvailableReplicas ?? 0} available, {s?.UnavailableReplicas ?? 0} unavailable\n");
        text.Append($"Selector: {target.Selector}   Strategy: {d.Spec.Strategy?.Type ?? "RollingUpdate"}   Age: {Age(d.Metadata.CreationTimestamp)}\n");
        text.Append("Images: ").AppendJoin(", ", d.Spec.Template.Spec.Containers.Select(c => $"{c.Name}={c.Image}")).Append('\n');
        text.Append(ChatTable.Render(["CONDITION", "STATUS", "REASON", "MESSAGE"],
            (s?.Conditions ?? []).Select(c => (IReadOnlyList<string>)[c.Type, c.Status, c.Reason ?? "", c.Message ?? ""])));
        text.Append('\n').Append(await EventsOfAsync(target.Namespace, target.Deployment, cancellationToken).ConfigureAwait(false));
        return new ExecutionResult(true, text.ToString());
    }

    /// <summary>A pod's node, containers (image, state, restarts), conditions and recent events, like a short <c>kubectl describe pod</c>.</summary>
    public async Task<ExecutionResult> DescribePodAsync(KubernetesBinding target, string pod, CancellationToken cancellationToken)
    {
        var p = await PickPodAsync(target, pod, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder($"Pod {ChatText.Code(p.Metadata.Name)} in namespace {ChatText.Code(target.Namespace)}\n");
        text.Append($"Status: {PodStatus(p)}   Node: {p.Spec.NodeName ?? "<none>"}   IP: {p.Status?.PodIP ?? "<none>"}   Age: {Age(p.Metadata.CreationTimestamp)}\n");
        text.Append(ChatTable.Render(["CONTAINER", "IMAGE", "STATE", "READY", "RESTARTS"], p.Spec.Containers.Select(c =>
        {
            var cs = p.Status?.ContainerStatuses?.FirstOrDefault(x => x.Name == c.Name);
            return (IReadOnlyList<string>)[c.Name, c.Image, State(cs), cs?.Ready == true ? "yes" : "no", ChatText.Number(cs?.RestartCount ?? 0)];
        })));
        text.Append('\n').Append(ChatTable.Render(["CONDITION", "STATUS"],
            (p.Status?.Conditions ?? []).Select(c => (IReadOnlyList<string>)[c.Type, c.Status])));
        text.Append('\n').Append(await EventsOfAsync(target.Namespace, p.Metadata.Name, cancellationToken).ConfigureAwait(false));
        return new ExecutionResult(true, text.ToString());
    }

    private async Task<V1Deployment> ReadDeploymentAsync(KubernetesBinding target, CancellationToken cancellationToken)
    {
        try
        {
            return await client.AppsV1.ReadNamespacedDeploymentAsync(target.Deployment, target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!Caller(ex, cancellationToken))
        {
            throw Explain(ex, $"read deployment {target.Deployment} in {target.Namespace}", NoDeployment(target));
        }
    }

    private async Task<string> EventsOfAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var events = await ListEventsAsync(ns, $"involvedObject.name={name}", cancellationToken).ConfigureAwait(false);
        return events.Count == 0
            ? "Events: none recent."
            : "Events:\n" + EventTable(events.TakeLast(RecentEvents), withObject: false);
    }

    private static string State(V1ContainerStatus? status) => status?.State switch
    {
        { Running: not null } => "Running",
        { Waiting: { } w } => $"Waiting ({w.Reason})",
        { Terminated: { } t } => $"Terminated ({t.Reason}, exit {t.ExitCode})",
        _ => "Unknown",
    };
}
