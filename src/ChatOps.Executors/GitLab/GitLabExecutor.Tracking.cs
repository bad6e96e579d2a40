using System.Globalization;
using ChatOps.Core.Execution;
using ChatOps.Executors.Tracking;

namespace ChatOps.Executors.GitLab;

public sealed partial class GitLabExecutor
{
    private const string PipelinesPart = "/pipelines/";

    /// <summary>The tracked id of a handle's pipeline, "project-id:pipeline-id": hooks carry the numeric project id, and Job Hooks carry no path.</summary>
    internal async Task<string> TrackingIdAsync(RunHandle handle, CancellationToken cancellationToken)
    {
        var cut = handle.RunId.LastIndexOf(PipelinesPart, StringComparison.Ordinal);
        if (cut <= 0)
        {
            throw new FormatException($"GitLab run id '{handle.RunId}' is not 'path/pipelines/id'.");
        }

        var path = handle.RunId[..cut];
        var project = _projects.Values.FirstOrDefault(p => string.Equals(p.PathWithNamespace, path, StringComparison.OrdinalIgnoreCase))
            ?? _projects.GetOrAdd(path, await _api.GetProjectAsync(path, cancellationToken).ConfigureAwait(false));
        return $"{Id(project)}:{handle.RunId[(cut + PipelinesPart.Length)..]}";
    }

    /// <summary>Reads a tracked pipeline (E8) and reports its status as a poll; null when GitLab answers a status the tracker does not know.</summary>
    internal async Task<RunUpdate?> PollRunAsync(string backendRunId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (project, pipelineId) = SplitTrackingId(backendRunId);
        var pipeline = await _api.GetPipelineAsync(project, pipelineId, cancellationToken).ConfigureAwait(false);
        return BackendStatus.GitLab(pipeline.Status) is { } status
            ? new RunUpdate(Backend, backendRunId, status, now, "poll", $"pipeline {pipeline.Status}", WebUrl: pipeline.WebUrl)
            : null;
    }

    /// <summary>The newest failed job of a tracked pipeline that may not fail (E12) and the last lines of its log (E15), or null.</summary>
    internal async Task<RunFailure?> FailureAsync(string backendRunId, int lines, CancellationToken cancellationToken)
    {
        var (project, pipelineId) = SplitTrackingId(backendRunId);
        var jobs = await GitLabPaging.AllAsync(page => _api.ListPipelineJobsAsync(project, pipelineId, page, 100, cancellationToken), 3).ConfigureAwait(false);
        if (jobs.Where(j => j.Status == "failed" && !j.AllowFailure).MaxBy(j => j.Id) is not { } failed)
        {
            return null;
        }

        var log = JobLog.Clean(await _api.GetJobTraceAsync(project, failed.Id, cancellationToken).ConfigureAwait(false));
        var tail = log.TrimEnd('\n').Split('\n');
        return new RunFailure(failed.Name, failed.FailureReason, tail.Length == 1 && tail[0].Length == 0 ? [] : tail[^Math.Min(lines, tail.Length)..]);
    }

    private static (string Project, long PipelineId) SplitTrackingId(string backendRunId)
    {
        var cut = backendRunId.LastIndexOf(':');
        return cut > 0 && long.TryParse(backendRunId.AsSpan(cut + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (backendRunId[..cut], id)
            : throw new FormatException($"Tracked GitLab run id '{backendRunId}' is not 'project:pipeline'.");
    }
}
