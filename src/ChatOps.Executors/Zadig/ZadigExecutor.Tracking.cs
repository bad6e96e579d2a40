using System.Globalization;
using System.Net;
using ChatOps.Core.Execution;
using ChatOps.Executors.Tracking;
using Refit;

namespace ChatOps.Executors.Zadig;

public sealed partial class ZadigExecutor
{
    private const string TasksPart = "/tasks/";

    /// <summary>The tracked id of a handle's task, "workflow-key:task-id", the pair every Zadig hook and callback carries.</summary>
    internal static string TrackingId(RunHandle handle)
    {
        var cut = handle.RunId.LastIndexOf(TasksPart, StringComparison.Ordinal);
        return cut > 0
            ? $"{handle.RunId[..cut]}:{handle.RunId[(cut + TasksPart.Length)..]}"
            : throw new FormatException($"Zadig run id '{handle.RunId}' is not 'workflow/tasks/id'.");
    }

    /// <summary>Reads a tracked task (§4.2, or §6.1 for a product workflow the custom API does not know) and reports it as a poll.</summary>
    internal async Task<RunUpdate?> PollRunAsync(string backendRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (workflow, taskId) = SplitTrackingId(backendRunId);
        string? status;
        try
        {
            status = (await _api.GetWorkflowTaskAsync(taskId, workflow, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (ApiException ex) when (ex.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            // why: product-workflow tasks (§6) are unknown to the custom-task API, which answers 500 "no documents"
            status = (await _api.GetProductWorkflowTaskAsync(Prefix, taskId, workflow, cancellationToken).ConfigureAwait(false)).Status;
        }

        return BackendStatus.Zadig(status) is { } mapped ? new RunUpdate(Backend, backendRunId, mapped, now, "poll", $"task {ZadigStatus.Show(status)}") : null;
    }

    /// <summary>The first failed job of a tracked task and Zadig's error text (Zadig offers no job log API), or null.</summary>
    internal async Task<RunFailure?> FailureAsync(string backendRunId, CancellationToken cancellationToken)
    {
        var (workflow, taskId) = SplitTrackingId(backendRunId);
        ZadigTask task;
        try
        {
            task = await _api.GetWorkflowTaskAsync(taskId, workflow, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException)
        {
            return null;
        }

        var job = task.Stages.SelectMany(s => s.Jobs).FirstOrDefault(j => j.Status is "failed" or "timeout" or "reject");
        var error = string.IsNullOrEmpty(job?.Error) ? task.Error : job.Error;
        return job is null && string.IsNullOrEmpty(error) ? null
            : new RunFailure(job?.DisplayName ?? job?.Name ?? "task", string.IsNullOrEmpty(error) ? job?.Status : error, []);
    }

    private static (string Workflow, long TaskId) SplitTrackingId(string backendRunId)
    {
        var cut = backendRunId.LastIndexOf(':');
        return cut > 0 && long.TryParse(backendRunId.AsSpan(cut + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (backendRunId[..cut], id)
            : throw new FormatException($"Tracked Zadig run id '{backendRunId}' is not 'workflow:task'.");
    }
}
