using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using ChatOps.Executors.Resilience;
using Refit;

namespace ChatOps.Executors.GitLab;

public sealed partial class GitLabExecutor
{
    private static readonly TimeSpan LongestRateLimitWait = TimeSpan.FromSeconds(10);

    /// <summary>Describes the pipeline a run would create after checking that the project and the ref exist.</summary>
    public async Task<ExecutionPlan> PlanRunAsync(GitLabBinding binding, string? reference, CancellationToken cancellationToken)
    {
        try
        {
            var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
            var target = RefOf(binding, project, reference);
            var kind = await CheckRefAsync(project, target, cancellationToken).ConfigureAwait(false);
            var how = binding.TriggerTokenEnv is null ? "" : " (trigger token)";
            return new ExecutionPlan(true, Describe(project, target, Variables(binding, target)) + how + $" ({kind} {target} exists)");
        }
        catch (ExecutorException ex)
        {
            return new ExecutionPlan(false, $"GitLab pipeline on {binding.Project}", ex.Message);
        }
    }

    /// <summary>Creates one pipeline for the key: never retried blindly, and after an unknown outcome the key is looked for first.</summary>
    public async Task<ExecutionResult> RunAsync(GitLabBinding binding, string? reference, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
        var target = RefOf(binding, project, reference);
        var variables = Variables(binding, target).Append(KeyValuePair.Create(_options.RequestVariable, key.Value)).ToList();
        var (pipeline, adopted) = await CreateOnceAsync(binding, project, target, variables, key, cancellationToken).ConfigureAwait(false);
        var text = $"Started {Describe(project, target, variables.SkipLast(1))}: pipeline #{pipeline.Id} is {pipeline.Status}"
            + (adopted ? " (GitLab's first answer was lost; this is the pipeline that request created)" : "")
            + (pipeline.WebUrl is null ? "." : $"\n{pipeline.WebUrl}");
        return new ExecutionResult(true, text, Handle(project, pipeline));
    }

    /// <summary>The pipeline an interrupted request created, found by its key (E7 + E13), as the result the request would have had; null when none.</summary>
    public async Task<ExecutionResult?> FindStartedAsync(GitLabBinding binding, string? reference, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
        var target = RefOf(binding, project, reference);
        if (await SearchAsync(project, target, key, cancellationToken).ConfigureAwait(false) is not { } pipeline) return null;
        var text = $"The bot restarted while starting this request; GitLab shows the pipeline it created on {project.PathWithNamespace} @ {target}: "
            + $"pipeline #{pipeline.Id} is {pipeline.Status}" + (pipeline.WebUrl is null ? "." : $"\n{pipeline.WebUrl}");
        return new ExecutionResult(true, text, Handle(project, pipeline));
    }

    internal static RunHandle Handle(GitLabProject project, GitLabPipeline pipeline) =>
        new(Backend, $"{project.PathWithNamespace}/pipelines/{pipeline.Id}", pipeline.WebUrl, pipeline.Status);

    private static string RefOf(GitLabBinding binding, GitLabProject project, string? reference) =>
        reference is { Length: > 0 } ? reference : binding.Ref ?? project.DefaultBranch ?? "main";

    private static IEnumerable<KeyValuePair<string, string>> Variables(GitLabBinding binding, string reference) =>
        binding.Variables.Select(v => KeyValuePair.Create(v.Key, v.Value.Replace("{ref}", reference, StringComparison.Ordinal)));

    private async Task<(GitLabPipeline Pipeline, bool Adopted)> CreateOnceAsync(
        GitLabBinding binding, GitLabProject project, string reference, List<KeyValuePair<string, string>> variables,
        IdempotencyKey key, CancellationToken cancellationToken)
    {
        var (sent, waits) = (0, 0);
        while (true)
        {
            try
            {
                sent++;
                return (await SendCreateAsync(binding, project, reference, variables, cancellationToken).ConfigureAwait(false), false);
            }
            catch (ApiException ex) when (waits < 2 && Outcome.RetryAfter(ex, LongestRateLimitWait) is { } wait)
            {
                // why: a 429 is refused before any work, so waiting and sending again cannot start a second pipeline
                waits++;
                sent--;
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (GitLabErrorBody.IsReferenceNotFound(ex))
            {
                throw new ExecutorException(await NoSuchRefAsync(project, reference, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (Outcome.MayHaveRun(ex, cancellationToken))
            {
                if (await FindCreatedAsync(project, reference, key, ex, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return (found, true);
                }

                if (sent >= 2)
                {
                    throw Explain(ex, $"start a pipeline on {project.PathWithNamespace} (tried twice; no pipeline was created)");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw Explain(ex, $"start a pipeline on {project.PathWithNamespace}");
            }
        }
    }

    private Task<GitLabPipeline> SendCreateAsync(
        GitLabBinding binding, GitLabProject project, string reference, List<KeyValuePair<string, string>> variables, CancellationToken cancellationToken)
    {
        if (binding.TriggerTokenEnv is { } name)
        {
            var token = _options.TriggerTokens.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(token))
            {
                throw new ExecutorException(
                    $"The gitlab binding of {project.PathWithNamespace} uses the trigger token in {ChatText.Code(name)}, which is not set; set that environment variable or GitLab:TriggerTokens:{name}.");
            }

            var map = variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            return _api.TriggerPipelineAsync(Id(project), new TriggerPipelineRequest(token, reference, map), cancellationToken);
        }

        var list = variables.Select(v => new GitLabVariable(v.Key, v.Value)).ToList();
        return _api.CreatePipelineAsync(Id(project), new CreatePipelineRequest(reference, list), cancellationToken);
    }

    private async Task<GitLabPipeline?> SearchAsync(GitLabProject project, string reference, IdempotencyKey key, CancellationToken cancellationToken)
    {
        using var recent = await _api.ListPipelinesAsync(Id(project), new PipelineQuery { Ref = reference, PerPage = 20 }, cancellationToken)
            .ConfigureAwait(false);
        if (recent.Error is { } error)
        {
            throw error;
        }

        foreach (var pipeline in recent.Content ?? [])
        {
            var variables = await _api.ListPipelineVariablesAsync(Id(project), pipeline.Id, cancellationToken).ConfigureAwait(false);
            if (variables.Any(v => v.Key == _options.RequestVariable && v.Value == key.Value))
            {
                return await _api.GetPipelineAsync(Id(project), pipeline.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>Looks through the newest pipelines on the ref for one carrying the request key (E7 + E13).</summary>
    private async Task<GitLabPipeline?> FindCreatedAsync(
        GitLabProject project, string reference, IdempotencyKey key, Exception cause, CancellationToken cancellationToken)
    {
        try
        {
            return await SearchAsync(project, reference, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var why = Explain(cause, "start the pipeline").Message;
            throw new ExecutorException(
                $"{why} The bot could not check whether the pipeline started anyway, so it will not start another; look for a pipeline with "
                + $"{_options.RequestVariable}={key.Value} on {project.PathWithNamespace} @ {reference} before asking again.", ex);
        }
    }
}
