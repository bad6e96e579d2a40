using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;

namespace ChatOps.Executors.GitLab;

public sealed partial class GitLabExecutor
{
    private const int RollbackSearchDepth = 40;

    /// <summary>Describes the rollback: a new pipeline on the ref of the deploy before the current one (same variables).</summary>
    public async Task<ExecutionPlan> PlanRollbackAsync(GitLabBinding binding, string environment, CancellationToken cancellationToken)
    {
        try
        {
            var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
            var (current, previous) = await PreviousDeployAsync(binding, project, environment, cancellationToken).ConfigureAwait(false);
            return new ExecutionPlan(true, Describe(project, previous.Ref, Variables(binding, previous.Ref))
                + $" (the ref of pipeline #{previous.Id}, the successful deploy before #{current.Id})");
        }
        catch (ExecutorException ex)
        {
            return new ExecutionPlan(false, $"roll back with a GitLab pipeline on {binding.Project}", ex.Message);
        }
    }

    /// <summary>Runs the pipeline again on the ref of the previous successful deploy to the same environment.</summary>
    public async Task<ExecutionResult> RollbackAsync(GitLabBinding binding, string environment, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
        var (_, previous) = await PreviousDeployAsync(binding, project, environment, cancellationToken).ConfigureAwait(false);
        var result = await RunAsync(binding, previous.Ref, key, cancellationToken).ConfigureAwait(false);
        return result with { Text = $"Rolling back to {ChatText.Code(previous.Ref)} (deployed by pipeline #{previous.Id}). " + result.Text };
    }

    /// <summary>The two newest successful pipelines whose variables match this binding's (a deploy of this service to this environment).</summary>
    private async Task<(GitLabPipeline Current, GitLabPipeline Previous)> PreviousDeployAsync(
        GitLabBinding binding, GitLabProject project, string environment, CancellationToken cancellationToken)
    {
        var fixedVariables = binding.Variables.Where(v => !v.Value.Contains("{ref}", StringComparison.Ordinal)).ToList();
        var matches = new List<GitLabPipeline>();
        try
        {
            using var page = await _api.ListPipelinesAsync(Id(project), new PipelineQuery { Status = "success", PerPage = RollbackSearchDepth }, cancellationToken)
                .ConfigureAwait(false);
            if (page.Error is { } error)
            {
                throw error;
            }

            foreach (var pipeline in page.Content ?? [])
            {
                var variables = await _api.ListPipelineVariablesAsync(Id(project), pipeline.Id, cancellationToken).ConfigureAwait(false);
                if (fixedVariables.All(f => variables.Any(v => v.Key == f.Key && v.Value == f.Value)))
                {
                    matches.Add(pipeline);
                    if (matches.Count == 2)
                    {
                        return (matches[0], matches[1]);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"find the previous deploy in {project.PathWithNamespace}");
        }

        throw new ExecutorException(matches.Count == 0
            ? $"There is no successful deploy to {ChatText.Code(environment)} in {project.PathWithNamespace}'s recent pipelines, so there is nothing to roll back to."
            : $"Pipeline #{matches[0].Id} is the only successful deploy to {ChatText.Code(environment)} in {project.PathWithNamespace}'s recent pipelines; there is no earlier one to roll back to.");
    }
}
