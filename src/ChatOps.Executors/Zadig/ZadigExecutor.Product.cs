using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using ChatOps.Executors.Resilience;

namespace ChatOps.Executors.Zadig;

public sealed partial class ZadigExecutor
{
    private string Prefix => _options.LegacyPrefix.Trim('/');

    /// <summary>Creates a product-workflow task (zadig.md §6.1) with a callback when the binding asks and a callback URL is configured.</summary>
    /// <remarks>This older API has no way to find a task by request, so an unknown outcome is reported and never retried.</remarks>
    private async Task<ExecutionResult> RunProductAsync(ZadigBinding binding, Placeholders values, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var workflow = values.Fill(binding.Workflow, $"Workflow {binding.Workflow}");
        var service = values.Service ?? throw new ExecutorException($"Workflow {workflow} needs a service.");
        var environment = values.Environment ?? throw new ExecutorException($"Workflow {workflow} needs an environment.");
        var callback = binding.Callback && CallbackUrlFor(key) is { } url
            ? new ZadigCallback(url.ToString(), new Dictionary<string, string> { ["request"] = key.Value, ["service"] = service, ["environment"] = environment })
            : null;
        var target = new ZadigProductTarget(service, "k8s", new ZadigProductBuild([new ZadigProductRepo(service, values.Ref ?? "", 0)]));
        try
        {
            var created = await _api.CreateProductWorkflowTaskAsync(Prefix, new ZadigProductTaskRequest(workflow, environment, [target], callback), cancellationToken)
                .ConfigureAwait(false);
            return new ExecutionResult(true, $"Started {DescribeProduct(binding, workflow, values)}: task #{created.TaskId}.",
                Handle(created.WorkflowName, created.TaskId, "created"));
        }
        catch (Exception ex) when (Outcome.MayHaveRun(ex, cancellationToken))
        {
            throw new ExecutorException($"{Explain(ex, $"run workflow {workflow}").Message} Zadig may have started the task anyway and this API "
                + $"cannot be asked, so the bot will not start another; look at the tasks of {ChatText.Code(workflow)} before asking again.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"run workflow {workflow}", $"There is no product workflow {ChatText.Code(workflow)} in Zadig.");
        }
    }

    /// <summary>Status of a product-workflow task (zadig.md §6.1).</summary>
    public async Task<ExecutionResult> ProductStatusAsync(string workflow, long taskId, CancellationToken cancellationToken)
    {
        try
        {
            var task = await _api.GetProductWorkflowTaskAsync(Prefix, taskId, workflow, cancellationToken).ConfigureAwait(false);
            return new ExecutionResult(true, $"Zadig task #{taskId} of {ChatText.Code(workflow)} (to {task.EnvName}): {ZadigStatus.Show(task.Status)}",
                Handle(workflow, taskId, task.Status));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"read task #{taskId} of {workflow}", $"There is no task #{taskId} of product workflow {ChatText.Code(workflow)}.");
        }
    }

    /// <summary>Cancels (or restarts) a product-workflow task (zadig.md §6.1).</summary>
    public async Task<ExecutionResult> ProductActAsync(string workflow, long taskId, bool restart, CancellationToken cancellationToken)
    {
        var verb = restart ? "restart" : "cancel";
        try
        {
            var result = restart
                ? await _api.RestartProductWorkflowTaskAsync(Prefix, taskId, workflow, cancellationToken).ConfigureAwait(false)
                : await _api.CancelProductWorkflowTaskAsync(Prefix, taskId, workflow, cancellationToken).ConfigureAwait(false);
            return new ExecutionResult(result.ResultCode == 0, result.ResultCode == 0
                ? $"Zadig task #{taskId} of {ChatText.Code(workflow)}: {verb} accepted."
                : $"Zadig refused to {verb} task #{taskId} of {ChatText.Code(workflow)} ({result.ErrorMsg}).", Handle(workflow, taskId, null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"{verb} task #{taskId} of {workflow}");
        }
    }

    private string DescribeProduct(ZadigBinding binding, string workflow, Placeholders values) =>
        $"Zadig product workflow {workflow} in project {binding.Project}: build {values.Service}"
        + (string.IsNullOrEmpty(values.Ref) ? "" : $" @ {values.Ref}") + $" and deploy to {values.Environment}"
        + (!binding.Callback ? "" : !CallsBack ? " (no Zadig:CallbackUrl is configured, so Zadig will not call back)" : " (Zadig calls back when done)");
}
