using System.Globalization;
using System.Text.Json;
using ChatOps.Executors.Tracking;

namespace ChatOps.Executors.Zadig;

/// <summary>Reads a product-workflow callback (zadig.md §6.2) or a workflow webhook (§7.1) into a <see cref="RunUpdate"/> keyed "workflow-key:task-id".</summary>
internal static class ZadigHookParser
{
    /// <summary>The update a delivery carries, or null when it names no workflow and task.</summary>
    public static RunUpdate? Parse(JsonElement root, string? dedupeKey, DateTimeOffset at)
    {
        // why: §7.1 nests the task under "workflow" (workflow_name is the key there too); §6.2 has the same names at the top
        var (body, source) = root.Text("object_kind") == "workflow" ? (root.Child("workflow"), "zadig webhook") : (root, "zadig callback");
        var status = body.Text("status");
        if (body.Text("workflow_name") is not { Length: > 0 } workflow || body.Number("task_id") is not { } task || BackendStatus.Zadig(status) is not { } mapped)
        {
            return null;
        }

        var error = body.Text("error");
        return new RunUpdate(ZadigExecutor.Backend, string.Create(CultureInfo.InvariantCulture, $"{workflow}:{task}"), mapped, at, source,
            $"task {status}" + (string.IsNullOrEmpty(error) ? "" : $": {error}"), dedupeKey, body.Text("detail_url"));
    }
}
