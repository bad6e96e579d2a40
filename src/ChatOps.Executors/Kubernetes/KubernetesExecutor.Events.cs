using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using k8s;
using k8s.Models;

namespace ChatOps.Executors.Kubernetes;

public sealed partial class KubernetesExecutor
{
    private const int EventRows = 20;

    /// <summary>Warning events of a namespace, newest last, optionally only those about objects whose name starts with <paramref name="objectPrefix"/>.</summary>
    public async Task<ExecutionResult> WarningEventsAsync(string ns, string? objectPrefix, CancellationToken cancellationToken)
    {
        var events = (await ListEventsAsync(ns, "type=Warning", cancellationToken).ConfigureAwait(false))
            .Where(e => objectPrefix is null || e.InvolvedObject.Name.StartsWith(objectPrefix, StringComparison.Ordinal))
            .ToList();
        var about = objectPrefix is null ? "" : $" about {ChatText.Code(objectPrefix)}";
        if (events.Count == 0)
        {
            return new ExecutionResult(true, $"No warning events in namespace {ChatText.Code(ns)}{about}.");
        }

        var shown = events.TakeLast(EventRows).ToList();
        var header = $"Warning events in namespace {ChatText.Code(ns)}{about}"
            + (shown.Count < events.Count ? $" (newest {shown.Count} of {events.Count})" : "") + ":\n";
        return new ExecutionResult(true, header + EventTable(shown, withObject: true));
    }

    private async Task<List<Corev1Event>> ListEventsAsync(string ns, string fieldSelector, CancellationToken cancellationToken)
    {
        try
        {
            var list = await client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: fieldSelector, cancellationToken: cancellationToken).ConfigureAwait(false);
            return list.Items.OrderBy(LastSeen).ToList();
        }
        catch (Exception ex) when (!Caller(ex, cancellationToken))
        {
            throw Explain(ex, $"list events in namespace {ns}", $"There is no namespace {ChatText.Code(ns)}.");
        }
    }

    private string EventTable(IEnumerable<Corev1Event> events, bool withObject) => withObject
        ? ChatTable.Render(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"], events.Select(e => (IReadOnlyList<string>)
            [Age(LastSeen(e)) + Times(e), e.Type ?? "", e.Reason ?? "", $"{e.InvolvedObject.Kind?.ToLowerInvariant()}/{e.InvolvedObject.Name}", e.Message ?? ""]))
        : ChatTable.Render(["LAST SEEN", "TYPE", "REASON", "MESSAGE"], events.Select(e => (IReadOnlyList<string>)
            [Age(LastSeen(e)) + Times(e), e.Type ?? "", e.Reason ?? "", e.Message ?? ""]));

    private static DateTime? LastSeen(Corev1Event e) =>
        e.LastTimestamp ?? e.Series?.LastObservedTime ?? e.EventTime ?? e.FirstTimestamp ?? e.Metadata.CreationTimestamp;

    private static string Times(Corev1Event e) => e.Count is > 1 ? $" (x{e.Count})" : "";
}
