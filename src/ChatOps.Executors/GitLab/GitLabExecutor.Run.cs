using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using ChatOps.Executors.Resilience;
using Refit;

namespace ChatOps.Executors.GitLab;

public sealed partial class GitLabExecutor
{
    private static readonly TimeSpan LongestRateLimitWait = TimeSpan.FromSeconds(10);

    /// <summary>How many pages of 100 pipelines a recovery reads before it gives up telling whether a request started.</summary>
    private const int RecoveryPages = 10;

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

    /// <summary>The pipeline an interrupted request created, found by its key among every pipeline on the ref created since
    /// <paramref name="since"/> (E7 + E13); <see cref="Recovery.NotStarted"/> only when all of them were looked at.</summary>
    public async Task<Recovery> FindStartedAsync(GitLabBinding binding, string? reference, IdempotencyKey key, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
        return await FindStartedAsync(project, RefOf(binding, project, reference), key, since, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where an interrupted rollback would be: it runs on the ref of an earlier deploy, which may no longer be the previous one once the
    /// rollback itself passed, so every ref is searched.</summary>
    public async Task<Recovery> FindRollbackAsync(GitLabBinding binding, IdempotencyKey key, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(binding, cancellationToken).ConfigureAwait(false);
        return await FindStartedAsync(project, null, key, since, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Recovery> FindStartedAsync(GitLabProject project, string? target, IdempotencyKey key, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // why: a minute of slack for clocks that differ between the bot and GitLab
        var after = (since - TimeSpan.FromMinutes(1)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        for (var page = 1; page <= RecoveryPages; page++)
        {
            var query = new PipelineQuery { Ref = target, PerPage = 100, Page = page, CreatedAfter = after };
            using var listed = await _api.ListPipelinesAsync(Id(project), query, cancellationToken).ConfigureAwait(false);
            if (listed.Error is { } error) throw error;
            var pipelines = listed.Content ?? [];
            if (await WithKeyAsync(project, pipelines, key, cancellationToken).ConfigureAwait(false) is { } pipeline)
            {
                var text = $"The bot restarted while starting this request; GitLab shows the pipeline it created on {project.PathWithNamespace} @ {pipeline.Ref ?? target}: "
                    + $"pipeline #{pipeline.Id} is {pipeline.Status}" + (pipeline.WebUrl is null ? "." : $"\n{pipeline.WebUrl}");
                return new Recovery(new ExecutionResult(true, text, Handle(project, pipeline)), false);
            }

            if (pipelines.Count < 100) return Recovery.NotStarted;
        }

        return Recovery.Unknown;
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

        return await WithKeyAsync(project, recent.Content ?? [], key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pipeline among <paramref name="pipelines"/> whose variables carry the request key (E13), read fresh (E8); null when none does.</summary>
    private async Task<GitLabPipeline?> WithKeyAsync(GitLabProject project, List<GitLabPipeline> pipelines, IdempotencyKey key, CancellationToken cancellationToken)
    {
        foreach (var pipeline in pipelines)
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
