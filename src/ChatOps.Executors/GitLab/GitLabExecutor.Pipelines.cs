using System.Net;
using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using ChatOps.Executors.Resilience;
using Refit;

namespace ChatOps.Executors.GitLab;

public sealed partial class GitLabExecutor
{
    private const int LogBudgetInStatus = 1500;

    /// <summary>Status of a pipeline (or the newest on the binding's ref): jobs as a table and, when it failed, the failed job's log tail.</summary>
    public async Task<ExecutionResult> StatusAsync(GitLabBinding binding, long? pipelineId, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
        var pipeline = await FindPipelineAsync(binding, project, pipelineId, cancellationToken).ConfigureAwait(false);
        try
        {
            var jobs = await GitLabPaging.AllAsync(
                page => _api.ListPipelineJobsAsync(Id(project), pipeline.Id, page, 100, cancellationToken), 3).ConfigureAwait(false);
            var table = ChatTable.Render(["JOB", "STAGE", "STATUS", "DURATION"],
                jobs.OrderBy(j => j.Id).Select(j => (IReadOnlyList<string>)[j.Name, j.Stage, j.Status + Reason(j), ChatText.Seconds(j.Duration)]));
            var text = $"{Title(project, pipeline)}\n{table}";
            string? attachment = null;
            if (jobs.Where(j => j.Status == "failed" && !j.AllowFailure).MaxBy(j => j.Id) is { } failed)
            {
                var log = JobLog.Clean(await _api.GetJobTraceAsync(Id(project), failed.Id, cancellationToken).ConfigureAwait(false));
                var tail = LogTail.Cut(log, LogBudgetInStatus);
                text += $"\nLog of failed job {ChatText.Code(failed.Name)}: {tail.Text}";
                attachment = tail.Attachment;
            }

            return new ExecutionResult(true, text, Handle(project, pipeline), attachment);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"read pipeline #{pipeline.Id} of {project.PathWithNamespace}");
        }
    }

    /// <summary>Cancels a running pipeline; GitLab answers 200 even when nothing was cancelable, so the status is re-read.</summary>
    public async Task<ExecutionResult> CancelAsync(GitLabBinding binding, long? pipelineId, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
        var pipeline = await FindPipelineAsync(binding, project, pipelineId, cancellationToken).ConfigureAwait(false);
        if (GitLabStatus.IsTerminal(pipeline.Status))
        {
            return new ExecutionResult(true, $"Pipeline #{pipeline.Id} on {project.PathWithNamespace} is already {pipeline.Status}; nothing to cancel.", Handle(project, pipeline));
        }

        var after = await ActThenReadAsync(project, pipeline, () => _api.CancelPipelineAsync(Id(project), pipeline.Id, cancellationToken),
            p => p.Status is "canceled" or "canceling" || GitLabStatus.IsTerminal(p.Status), "cancel", cancellationToken).ConfigureAwait(false);
        var ok = after.Status is "canceled" or "canceling";
        return new ExecutionResult(ok, ok
            ? $"Canceled pipeline #{after.Id} on {project.PathWithNamespace} @ {after.Ref}; it is now {after.Status}."
            : $"Pipeline #{after.Id} on {project.PathWithNamespace} finished as {after.Status} before it could be canceled.", Handle(project, after));
    }

    /// <summary>Retries the failed and canceled jobs of a pipeline; the result is a run to follow.</summary>
    public async Task<ExecutionResult> RetryAsync(GitLabBinding binding, long? pipelineId, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
        var pipeline = await FindPipelineAsync(binding, project, pipelineId, cancellationToken).ConfigureAwait(false);
        if (pipeline.Status is not ("failed" or "canceled"))
        {
            return new ExecutionResult(false,
                $"Pipeline #{pipeline.Id} on {project.PathWithNamespace} is {pipeline.Status}; only failed or canceled pipelines can be retried.", Handle(project, pipeline));
        }

        var after = await ActThenReadAsync(project, pipeline, () => _api.RetryPipelineAsync(Id(project), pipeline.Id, cancellationToken),
            p => p.Status is not ("failed" or "canceled"), "retry", cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(true, $"Retrying the failed jobs of pipeline #{after.Id} on {project.PathWithNamespace} @ {after.Ref}; it is now {after.Status}."
            + (after.WebUrl is null ? "" : $"\n{after.WebUrl}"), Handle(project, after));
    }

    private async Task<GitLabPipeline> FindPipelineAsync(GitLabBinding binding, GitLabProject project, long? pipelineId, CancellationToken cancellationToken)
    {
        var reference = binding.Ref ?? project.DefaultBranch ?? "main";
        try
        {
            return pipelineId is { } id
                ? await _api.GetPipelineAsync(Id(project), id, cancellationToken).ConfigureAwait(false)
                : await _api.GetLatestPipelineAsync(Id(project), reference, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (pipelineId is null && ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            throw new ExecutorException($"There is no pipeline on {ChatText.Code(reference)} in {project.PathWithNamespace} yet.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"read pipeline #{pipelineId} of {project.PathWithNamespace}",
                $"There is no pipeline #{pipelineId} in {project.PathWithNamespace}.");
        }
    }

    /// <summary>Sends an idempotent action once; when its answer is lost, re-reads the pipeline and sends again only if nothing changed.</summary>
    private async Task<GitLabPipeline> ActThenReadAsync(GitLabProject project, GitLabPipeline pipeline, Func<Task<GitLabPipeline>> act,
        Func<GitLabPipeline, bool> done, string verb, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await act().ConfigureAwait(false);
                return await _api.GetPipelineAsync(Id(project), pipeline.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt == 1 && Outcome.MayHaveRun(ex, cancellationToken))
            {
                var now = await _api.GetPipelineAsync(Id(project), pipeline.Id, cancellationToken).ConfigureAwait(false);
                if (done(now))
                {
                    return now;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw Explain(ex, $"{verb} pipeline #{pipeline.Id} of {project.PathWithNamespace}");
            }
        }
    }

    private static string Title(GitLabProject project, GitLabPipeline p) =>
        $"Pipeline #{p.Id} on {project.PathWithNamespace} @ {p.Ref}: {p.DetailedStatus?.Label ?? p.Status}"
        + (p.Duration is { } d ? $" (took {ChatText.Age(TimeSpan.FromSeconds(d))})" : "")
        + (p.WebUrl is null ? "" : $"\n{p.WebUrl}");

    private static string Reason(GitLabJob job) => job.FailureReason is { } reason ? $" ({reason})" : "";
}
