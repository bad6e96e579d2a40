using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using k8s;
using k8s.Models;

namespace ChatOps.Executors.Kubernetes;

public sealed partial class KubernetesExecutor
{
    /// <summary>Lines fetched when the person names neither a line count nor a time window.</summary>
    public const int DefaultTailLines = 200;

    /// <summary>The newest log lines of one pod of the service (or the named pod), cut to the chat budget with the full text attached.</summary>
    /// <remarks>When the container is crash-looping and has restarted, the log of the previous (crashed) instance is shown, and the reply says so.</remarks>
    public async Task<ExecutionResult> LogsAsync(KubernetesBinding target, LogRequest request, CancellationToken cancellationToken)
    {
        var pod = await PickPodAsync(target, request.Pod, cancellationToken).ConfigureAwait(false);
        var container = PickContainer(target, pod, request.Container);
        var status = pod.Status?.ContainerStatuses?.FirstOrDefault(c => c.Name == container);
        var previous = request.Previous || (status?.State?.Waiting is not null && status.RestartCount > 0);
        var tail = request.Lines ?? (request.SinceSeconds is null ? DefaultTailLines : null);
        string log;
        try
        {
            using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, target.Namespace, container: container,
                previous: previous, sinceSeconds: request.SinceSeconds, tailLines: tail, cancellationToken: cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            log = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!Caller(ex, cancellationToken))
        {
            throw Explain(ex, $"read the log of pod {pod.Metadata.Name}", $"Pod {ChatText.Code(pod.Metadata.Name)} is gone.");
        }

        var window = (tail is { } n ? $"last {ChatText.Number(n)} lines" : "all lines")
            + (request.SinceSeconds is { } s ? $" of the last {ChatText.Age(TimeSpan.FromSeconds(s))}" : "");
        var (text, attachment) = LogTail.Cut(log);
        var which = previous ? "previous (crashed) container" : "container";
        return new ExecutionResult(true,
            $"Log of pod {ChatText.Code(pod.Metadata.Name)}, {which} {ChatText.Code(container)} ({window}); {text}", null, attachment);
    }

    /// <summary>Says which pod and container a log request reads, after finding them.</summary>
    public async Task<ExecutionPlan> PlanLogsAsync(KubernetesBinding target, LogRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var pod = await PickPodAsync(target, request.Pod, cancellationToken).ConfigureAwait(false);
            var container = PickContainer(target, pod, request.Container);
            var tail = request.Lines ?? (request.SinceSeconds is null ? DefaultTailLines : null);
            return new ExecutionPlan(true, $"show the log of pod {ChatText.Code(pod.Metadata.Name)}, container {ChatText.Code(container)}"
                + (tail is { } n ? $", last {ChatText.Number(n)} lines" : "")
                + (request.SinceSeconds is { } s ? $", from the last {ChatText.Age(TimeSpan.FromSeconds(s))}" : ""));
        }
        catch (ExecutorException ex)
        {
            return new ExecutionPlan(false, $"show the log of {Where(target)}", ex.Message);
        }
    }

    /// <summary>The named pod (a full name or a unique prefix), else the newest running pod of the service.</summary>
    private async Task<V1Pod> PickPodAsync(KubernetesBinding target, string? name, CancellationToken cancellationToken)
    {
        var pods = await ListPodsAsync(target, cancellationToken).ConfigureAwait(false);
        if (name is { Length: > 0 })
        {
            var matches = pods.Where(p => p.Metadata.Name == name).ToList() is { Count: 1 } exact
                ? exact
                : pods.Where(p => p.Metadata.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new ExecutorException($"No pod of {Where(target)} is named {ChatText.Code(name)}" + DidYouMean(name, pods.Select(p => p.Metadata.Name))),
                _ => throw new ExecutorException($"{ChatText.Code(name)} matches {matches.Count} pods ({string.Join(", ", matches.Select(p => p.Metadata.Name))}); say which."),
            };
        }

        return pods.Where(p => p.Metadata.DeletionTimestamp is null)
            .OrderByDescending(p => p.Status?.Phase == "Running")
            .ThenByDescending(p => p.Metadata.CreationTimestamp)
            .FirstOrDefault()
            ?? throw new ExecutorException($"No pods match {ChatText.Code(target.Selector)} in namespace {ChatText.Code(target.Namespace)}.");
    }

    private static string DidYouMean(string name, IEnumerable<string> names) =>
        Suggest.Closest(name, names) is { } closest ? $"; did you mean {ChatText.Code(closest)}?" : ".";

    /// <summary>The asked container, else the binding's, else the one named like the Deployment, else the only or first one.</summary>
    private static string PickContainer(KubernetesBinding target, V1Pod pod, string? asked)
    {
        var names = pod.Spec.Containers.Select(c => c.Name).ToList();
        if (asked is { Length: > 0 })
        {
            return names.Contains(asked) ? asked : throw new ExecutorException(
                $"Pod {ChatText.Code(pod.Metadata.Name)} has no container {ChatText.Code(asked)}; it has {string.Join(", ", names.Select(ChatText.Code))}.");
        }

        return new[] { target.Container, target.Deployment }.FirstOrDefault(n => n is not null && names.Contains(n)) ?? names[0];
    }
}
