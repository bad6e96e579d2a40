using ChatOps.Executors.Chat;

namespace ChatOps.Executors.Zadig;

public sealed partial class ZadigExecutor
{
    /// <summary>The workflows of a project as a table (zadig.md §5.1).</summary>
    public async Task<string> ListWorkflowsAsync(string project, CancellationToken cancellationToken)
    {
        var workflows = await WorkflowsAsync(project, cancellationToken).ConfigureAwait(false);
        return $"Workflows of Zadig project {project}:\n" + ChatTable.Render(["WORKFLOW", "NAME", "TYPE"],
            workflows.Select(w => (IReadOnlyList<string>)[w.WorkflowKey, w.WorkflowName ?? "", w.Type ?? ""]));
    }

    /// <summary>The test and production environments of a project as a table (zadig.md §5.2).</summary>
    public async Task<string> ListEnvironmentsAsync(string project, CancellationToken cancellationToken)
    {
        try
        {
            var test = await _api.ListEnvironmentsAsync(project, cancellationToken).ConfigureAwait(false);
            var production = await _api.ListProductionEnvironmentsAsync(project, cancellationToken).ConfigureAwait(false);
            var all = test.Concat(production).ToList();
            if (all.Count == 0)
            {
                return $"Zadig shows no environments in project {ChatText.Code(project)} (it does not exist, or the bot's user may not see it).";
            }

            return $"Environments of Zadig project {project}:\n" + ChatTable.Render(["ENV", "NAMESPACE", "PRODUCTION", "STATUS"],
                all.Select(e => (IReadOnlyList<string>)[e.EnvKey, e.Namespace ?? "", e.Production ? "yes" : "no", e.Status ?? ""]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"list the environments of project {project}");
        }
    }

    private async Task<IReadOnlyList<ZadigWorkflowItem>> WorkflowsAsync(string project, CancellationToken cancellationToken)
    {
        try
        {
            return (await _api.ListWorkflowsAsync(project, cancellationToken).ConfigureAwait(false)).Workflows;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"list the workflows of project {project}");
        }
    }

    /// <summary>Throws a sentence with the closest workflow key when <paramref name="workflow"/> is not in the project.</summary>
    private async Task CheckWorkflowAsync(string project, string workflow, bool product, CancellationToken cancellationToken)
    {
        var workflows = await WorkflowsAsync(project, cancellationToken).ConfigureAwait(false);
        if (workflows.Count == 0)
        {
            throw new ExecutorException($"Zadig shows no workflows in project {ChatText.Code(project)} (it does not exist, or the bot's user may not see it).");
        }

        var found = workflows.FirstOrDefault(w => w.WorkflowKey == workflow);
        if (found is null)
        {
            var closest = Suggest.Closest(workflow, workflows.Select(w => w.WorkflowKey));
            throw new ExecutorException($"There is no workflow {ChatText.Code(workflow)} in Zadig project {project}"
                + (closest is null ? "." : $"; did you mean {ChatText.Code(closest)}?"));
        }

        var type = product ? "product" : "custom";
        if (found.Type is { } actual && actual != type)
        {
            throw new ExecutorException($"Workflow {ChatText.Code(workflow)} is a {actual} workflow, but the catalog binds it as a {type} one"
                + (product ? "" : "; set product_workflow: true") + ".");
        }
    }
}
