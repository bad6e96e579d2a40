using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using ChatOps.Executors.Resilience;
using Refit;

namespace ChatOps.Executors.Zadig;

public sealed partial class ZadigExecutor
{
    private static readonly TimeSpan LongestRateLimitWait = TimeSpan.FromSeconds(10);

    /// <summary>Describes the task a run (or the rollback workflow) would create, after checking the workflow exists.</summary>
    public async Task<ExecutionPlan> PlanRunAsync(ZadigBinding binding, Placeholders values, bool rollback, CancellationToken cancellationToken)
    {
        try
        {
            var (workflow, inputs, parameters) = Request(binding, values, rollback);
            await CheckWorkflowAsync(binding.Project, workflow, binding.ProductWorkflow, cancellationToken).ConfigureAwait(false);
            return new ExecutionPlan(true, binding.ProductWorkflow
                ? DescribeProduct(binding, workflow, values)
                : Describe(binding, workflow, inputs, parameters));
        }
        catch (ExecutorException ex)
        {
            return new ExecutionPlan(false, $"Zadig workflow {binding.Workflow} in project {binding.Project}", ex.Message);
        }
    }

    /// <summary>Creates one task for the key: never retried blindly; after an unknown outcome the new tasks are looked at first.</summary>
    public async Task<ExecutionResult> RunAsync(ZadigBinding binding, Placeholders values, bool rollback, IdempotencyKey key, CancellationToken cancellationToken)
    {
        if (binding.ProductWorkflow)
        {
            return await RunProductAsync(binding, values, key, cancellationToken).ConfigureAwait(false);
        }

        var (workflow, inputs, parameters) = Request(binding, values, rollback);
        var sent = _options.RequestParameter is { } name ? [.. parameters, new ZadigParameter(name, "string", key.Value)] : parameters;
        var request = new ZadigRunRequest(binding.Project, workflow, sent.Count > 0 ? sent : null, inputs);
        var before = await LatestTaskIdAsync(binding.Project, workflow, cancellationToken).ConfigureAwait(false);
        var (taskId, adopted) = await CreateOnceAsync(request, before, key, cancellationToken).ConfigureAwait(false);
        var text = $"Started {Describe(binding, workflow, inputs, parameters)}: task #{taskId}"
            + (adopted ? " (Zadig's first answer was lost; this is the task that request created)." : ".");
        return new ExecutionResult(true, text, Handle(workflow, taskId, "created"));
    }

    private (string Workflow, List<ZadigRunInput> Inputs, List<ZadigParameter> Parameters) Request(ZadigBinding binding, Placeholders values, bool rollback)
    {
        var template = rollback ? binding.RollbackWorkflow ?? throw new ExecutorException($"The zadig binding has no rollback_workflow.") : binding.Workflow;
        var workflow = values.Fill(template, $"Workflow {template}");
        var owner = $"Workflow {workflow}";
        var inputs = Inputs(rollback ? binding.RollbackInputs ?? binding.Inputs : binding.Inputs, values, owner);
        var parameters = binding.Parameters.Select(p => new ZadigParameter(p.Key, "string", values.Fill(p.Value, owner))).ToList();
        return (workflow, inputs, parameters);
    }

    private async Task<long> LatestTaskIdAsync(string project, string workflow, CancellationToken cancellationToken)
    {
        try
        {
            var page = await _api.ListWorkflowTasksAsync(workflow, project, 1, 1, cancellationToken).ConfigureAwait(false);
            return page.WorkflowTasks.Count == 0 ? 0 : page.WorkflowTasks.Max(t => t.TaskId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"read the task history of workflow {ChatText.Code(workflow)}",
                $"There is no workflow {ChatText.Code(workflow)} in Zadig project {project}.");
        }
    }

    private async Task<(long TaskId, bool Adopted)> CreateOnceAsync(ZadigRunRequest request, long before, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var (sent, waits) = (0, 0);
        while (true)
        {
            try
            {
                sent++;
                return ((await _api.RunWorkflowTaskAsync(request, cancellationToken).ConfigureAwait(false)).TaskId, false);
            }
            catch (ApiException ex) when (waits < 2 && Outcome.RetryAfter(ex, LongestRateLimitWait) is { } wait)
            {
                // why: a 429 is refused before any work, so sending again cannot start a second task
                (waits, sent) = (waits + 1, sent - 1);
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (IsInputError(ex))
            {
                throw new ExecutorException($"Zadig refused to run workflow {ChatText.Code(request.WorkflowKey)}: {ZadigErrorBody.Message(ex)}; "
                    + "check the zadig binding's inputs in catalog.yaml.", ex);
            }
            catch (Exception ex) when (Outcome.MayHaveRun(ex, cancellationToken))
            {
                if (await FindCreatedAsync(request, before, key, ex, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return (found, true);
                }

                if (sent >= 2)
                {
                    throw Explain(ex, $"run workflow {ChatText.Code(request.WorkflowKey)} (tried twice; no task was created)");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw Explain(ex, $"run workflow {ChatText.Code(request.WorkflowKey)}",
                    $"There is no workflow {ChatText.Code(request.WorkflowKey)} in Zadig project {request.ProjectKey}.");
            }
        }
    }

    /// <summary>A plain 500 whose description names the request's problem (§2: input errors) is a refusal, not a lost answer.</summary>
    private static bool IsInputError(Exception ex) => ex is ApiException { StatusCode: System.Net.HttpStatusCode.InternalServerError } api
        && ZadigErrorBody.Message(api) is var m && (m.Contains("not found in", StringComparison.Ordinal) || m.Contains("didn't find", StringComparison.Ordinal)
            || m.Contains("not supported", StringComparison.Ordinal) || m.Contains("is required", StringComparison.Ordinal));

    /// <summary>The task this request created, among tasks newer than <paramref name="before"/>: by the request parameter when configured,
    /// else the single new one; several new tasks without a request parameter cannot be told apart, so nothing is retried.</summary>
    private async Task<long?> FindCreatedAsync(ZadigRunRequest request, long before, IdempotencyKey key, Exception cause, CancellationToken cancellationToken)
    {
        List<ZadigTaskSummary> fresh;
        try
        {
            var page = await _api.ListWorkflowTasksAsync(request.WorkflowKey, request.ProjectKey, 1, 20, cancellationToken).ConfigureAwait(false);
            fresh = page.WorkflowTasks.Where(t => t.TaskId > before).ToList();
            if (_options.RequestParameter is { } name)
            {
                foreach (var task in fresh)
                {
                    if (await WithKeyAsync(task.TaskId, request.WorkflowKey, name, key, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        return task.TaskId;
                    }
                }

                return null;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new ExecutorException($"{Explain(cause, "run the workflow").Message} The bot could not check whether a task started anyway, so it will not "
                + $"start another; look at the tasks of {ChatText.Code(request.WorkflowKey)} after #{before} before asking again.", ex);
        }

        return fresh.Count switch
        {
            0 => null,
            1 => fresh[0].TaskId,
            _ => throw new ExecutorException($"{Explain(cause, "run the workflow").Message} Since then {fresh.Count} new tasks of "
                + $"{ChatText.Code(request.WorkflowKey)} appeared (#{string.Join(", #", fresh.Select(t => t.TaskId))}) and the bot cannot tell which is "
                + "this request's, so it will not start another."),
        };
    }
}
