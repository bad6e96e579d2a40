using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;

namespace ChatOps.Executors.Zadig;

public sealed partial class ZadigExecutor
{
    private const int RecoveryPageSize = 50;
    private const int RecoveryPages = 4;

    /// <summary>Where an interrupted run would be: the task carrying the request parameter with this key among the tasks created since
    /// <paramref name="since"/> (history is newest first, so the search ends at the first older task). Product workflows and a Zadig without
    /// <see cref="ZadigOptions.RequestParameter"/> carry no key, so nothing can be told of them.</summary>
    public async Task<Recovery> FindStartedAsync(ZadigBinding binding, Placeholders values, bool rollback, IdempotencyKey key, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        if (binding.ProductWorkflow || _options.RequestParameter is not { } name) return Recovery.Unknown;
        var (workflow, _, _) = Request(binding, values, rollback);
        // why: a minute of slack for clocks that differ between the bot and Zadig
        var after = (since - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds();
        try
        {
            for (var page = 1; page <= RecoveryPages; page++)
            {
                var listed = await _api.ListWorkflowTasksAsync(workflow, binding.Project, page, RecoveryPageSize, cancellationToken).ConfigureAwait(false);
                foreach (var task in listed.WorkflowTasks)
                {
                    if (task.CreateTime < after) return Recovery.NotStarted;
                    if (await WithKeyAsync(task.TaskId, workflow, name, key, cancellationToken).ConfigureAwait(false) is { } detail)
                    {
                        var text = $"The bot restarted while starting this request; Zadig shows the task it created: task #{task.TaskId} of "
                            + $"{ChatText.Code(workflow)} in project {binding.Project} is {detail.Status ?? "waiting"}.";
                        return new Recovery(new ExecutionResult(true, text, Handle(workflow, task.TaskId, detail.Status)), false);
                    }
                }

                if (listed.WorkflowTasks.Count < RecoveryPageSize) return Recovery.NotStarted;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"read the task history of workflow {ChatText.Code(workflow)}");
        }

        return Recovery.Unknown;
    }

    /// <summary>The task's detail when its <paramref name="parameter"/> holds the request key, else null.</summary>
    private async Task<ZadigTask?> WithKeyAsync(long taskId, string workflow, string parameter, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var detail = await _api.GetWorkflowTaskAsync(taskId, workflow, cancellationToken).ConfigureAwait(false);
        return detail.Params.Any(p => p.Name == parameter && p.Value == key.Value) ? detail : null;
    }
}
