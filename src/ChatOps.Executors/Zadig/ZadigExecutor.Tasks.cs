using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using ChatOps.Executors.Resilience;

namespace ChatOps.Executors.Zadig;

public sealed partial class ZadigExecutor
{
    /// <summary>Status of a task (or the newest of the workflow): stages and jobs as a table, and what it waits for.</summary>
    public async Task<ExecutionResult> StatusAsync(string project, string workflow, long? taskId, CancellationToken cancellationToken)
    {
        var task = await TaskAsync(project, workflow, taskId, cancellationToken).ConfigureAwait(false);
        var rows = task.Stages.SelectMany(s => s.Jobs.Select(j => (IReadOnlyList<string>)
            [s.Name, j.DisplayName ?? j.Name, j.Type, ZadigStatus.Show(j.Status), j.CostSeconds > 0 ? ChatText.Seconds(j.CostSeconds) : "-"]));
        var text = $"Zadig task #{task.TaskId} of {ChatText.Code(workflow)}: {ZadigStatus.Show(task.Status)}"
            + (string.IsNullOrEmpty(task.Error) ? "" : $" ({task.Error})")
            + (task.Stages.Count == 0 ? "" : "\n" + ChatTable.Render(["STAGE", "JOB", "TYPE", "STATUS", "DURATION"], rows));
        if (WaitingApproval(task) is { } approval)
        {
            text += $"\nWaiting for approval: job {ChatText.Code(approval.Name)}.";
        }

        return new ExecutionResult(true, text, Handle(workflow, task.TaskId, task.Status));
    }

    /// <summary>Cancels an unfinished task (zadig.md §4.3); a lost answer is settled by re-reading the task.</summary>
    public async Task<ExecutionResult> CancelAsync(string project, string workflow, long? taskId, CancellationToken cancellationToken)
    {
        var task = await TaskAsync(project, workflow, taskId, cancellationToken).ConfigureAwait(false);
        if (ZadigStatus.IsTerminal(task.Status))
        {
            return new ExecutionResult(true, $"Zadig task #{task.TaskId} of {ChatText.Code(workflow)} is already {task.Status}; nothing to cancel.",
                Handle(workflow, task.TaskId, task.Status));
        }

        var after = await ActThenReadAsync(project, workflow, task.TaskId,
            () => _api.CancelWorkflowTaskAsync(task.TaskId, workflow, cancellationToken), t => ZadigStatus.IsTerminal(t.Status), "cancel", cancellationToken)
            .ConfigureAwait(false);
        return new ExecutionResult(after.Status == "cancelled",
            $"Zadig task #{after.TaskId} of {ChatText.Code(workflow)} is now {ZadigStatus.Show(after.Status)}.", Handle(workflow, after.TaskId, after.Status));
    }

    /// <summary>Re-runs a failed, timed-out, cancelled or rejected task under the same id (zadig.md §4.4).</summary>
    public async Task<ExecutionResult> RetryAsync(string project, string workflow, long? taskId, CancellationToken cancellationToken)
    {
        var task = await TaskAsync(project, workflow, taskId, cancellationToken).ConfigureAwait(false);
        if (!ZadigStatus.IsRetryable(task.Status))
        {
            return new ExecutionResult(false, $"Zadig task #{task.TaskId} of {ChatText.Code(workflow)} is {ZadigStatus.Show(task.Status)}; "
                + "only failed, timed-out, cancelled or rejected tasks can be retried.", Handle(workflow, task.TaskId, task.Status));
        }

        var after = await ActThenReadAsync(project, workflow, task.TaskId,
            () => _api.RetryWorkflowTaskAsync(workflow, task.TaskId, project, cancellationToken), t => !ZadigStatus.IsRetryable(t.Status), "retry", cancellationToken)
            .ConfigureAwait(false);
        return new ExecutionResult(true, $"Retrying Zadig task #{after.TaskId} of {ChatText.Code(workflow)}; it is now {ZadigStatus.Show(after.Status)}.",
            Handle(workflow, after.TaskId, after.Status));
    }

    /// <summary>Approves (or rejects) the approval job the task waits on (zadig.md §4.5, matched by the task job name since v4).</summary>
    public async Task<ExecutionResult> ApproveAsync(
        string project, string workflow, long taskId, bool approve, string comment, CancellationToken cancellationToken)
    {
        var task = await TaskAsync(project, workflow, taskId, cancellationToken).ConfigureAwait(false);
        if (WaitingApproval(task) is not { } job)
        {
            return new ExecutionResult(false, $"Zadig task #{taskId} of {ChatText.Code(workflow)} is {ZadigStatus.Show(task.Status)} and waits for no approval.",
                Handle(workflow, taskId, task.Status));
        }

        try
        {
            await _api.ApproveAsync(new ZadigApproveRequest(workflow, taskId, job.Name, approve, comment), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"{(approve ? "approve" : "reject")} task #{taskId} of {workflow}");
        }

        return new ExecutionResult(true, $"{(approve ? "Approved" : "Rejected")} {ChatText.Code(job.DisplayName ?? job.Name)} of Zadig task #{taskId} of {ChatText.Code(workflow)}.",
            Handle(workflow, taskId, task.Status));
    }

    private static ZadigJob? WaitingApproval(ZadigTask task) =>
        task.Stages.SelectMany(s => s.Jobs).FirstOrDefault(j => j.Status == "wait_for_approval");

    private async Task<ZadigTask> TaskAsync(string project, string workflow, long? taskId, CancellationToken cancellationToken)
    {
        try
        {
            var id = taskId ?? (await LatestTaskIdAsync(project, workflow, cancellationToken).ConfigureAwait(false) is var latest and > 0
                ? latest : throw new ExecutorException($"Workflow {ChatText.Code(workflow)} has not run yet."));
            return await _api.GetWorkflowTaskAsync(id, workflow, cancellationToken).ConfigureAwait(false);
        }
        catch (Refit.ApiException ex) when (ZadigErrorBody.IsMissing(ex))
        {
            throw new ExecutorException($"There is no task #{taskId} of workflow {ChatText.Code(workflow)} in Zadig.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"read task #{taskId} of {workflow}");
        }
    }

    private async Task<ZadigTask> ActThenReadAsync(string project, string workflow, long taskId, Func<Task<ZadigMessage>> act,
        Func<ZadigTask, bool> done, string verb, CancellationToken cancellationToken)
    {
        try
        {
            await act().ConfigureAwait(false);
        }
        catch (Exception ex) when (Outcome.MayHaveRun(ex, cancellationToken) && !(ex is Refit.ApiException { StatusCode: System.Net.HttpStatusCode.InternalServerError }))
        {
            var now = await TaskAsync(project, workflow, taskId, cancellationToken).ConfigureAwait(false);
            if (!done(now))
            {
                throw Explain(ex, $"{verb} task #{taskId} of {workflow}");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"{verb} task #{taskId} of {workflow}");
        }

        return await TaskAsync(project, workflow, taskId, cancellationToken).ConfigureAwait(false);
    }
}
