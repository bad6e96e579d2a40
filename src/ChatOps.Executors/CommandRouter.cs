using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Zadig;

namespace ChatOps.Executors;

/// <summary>The <see cref="ICommandExecutor"/> the dialog sees: plans from the catalog bindings, claims the idempotency key,
/// then hands the command to the GitLab, Zadig or Kubernetes executor and records the outcome.</summary>
public sealed partial class CommandRouter : ICommandExecutor
{
    private const int OutcomeLength = 500;

    private readonly ServiceCatalog _catalog;
    private readonly IIdempotencyStore _store;
    private readonly GitLabExecutor? _gitLab;
    private readonly ZadigExecutor? _zadig;
    private readonly KubernetesExecutor? _kubernetes;

    /// <summary>Creates the router; a null executor means that backend is not configured, and its intents are not offered.</summary>
    public CommandRouter(ServiceCatalog catalog, IIdempotencyStore store, GitLabExecutor? gitLab, ZadigExecutor? zadig, KubernetesExecutor? kubernetes)
    {
        _catalog = catalog;
        _store = store;
        _gitLab = gitLab;
        _zadig = zadig;
        _kubernetes = kubernetes;
        SupportedIntents = Supported();
    }

    /// <inheritdoc />
    public IReadOnlySet<string> SupportedIntents { get; }

    /// <inheritdoc />
    public async Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!SupportedIntents.Contains(command.Intent))
        {
            return new ExecutionPlan(false, command.Intent, Unsupported(command.Intent));
        }

        try
        {
            return await PlanIntentAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutorException ex)
        {
            return new ExecutionPlan(false, command.Intent, ex.Message);
        }
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SupportedIntents.Contains(request.Command.Intent))
        {
            return new ExecutionResult(false, Unsupported(request.Command.Intent));
        }

        if (!await _store.TryClaimAsync(request.Key, request.RequestedBy, cancellationToken).ConfigureAwait(false))
        {
            if (!request.Recovering) return ExecutionResult.AlreadyClaimed(request.Key);
            return await _store.GetOutcomeAsync(request.Key, cancellationToken).ConfigureAwait(false) is { } outcome
                ? Recorded(outcome, request.Key)
                : await RecoverAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await RunAndRecordAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the request's intent under its claim and records the outcome, whatever happened (a first execution, or a resume).</summary>
    private async Task<ExecutionResult> RunAndRecordAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        ExecutionResult result;
        try
        {
            result = await RunIntentAsync(request.Command, request.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutorException ex)
        {
            result = new ExecutionResult(false, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _store.CompleteAsync(request.Key, "cancelled before it finished; the backend may have started it", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // why: the claim is spent either way; record what happened so "what happened to request X?" has an answer
            result = new ExecutionResult(false, $"The bot hit an unexpected error while running {request.Command.Intent}: {ex.Message}");
        }

        await _store.CompleteAsync(request.Key, Outcome(result), CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    /// <summary>An interrupted request whose outcome was recorded before the restart: its success is told again (the tracker, not this answer,
    /// follows the run); a failure is the claim's refusal.</summary>
    /// <summary>An outcome recorded by a process that died after it: told again, with the run it names (<see cref="Outcome"/>), so the run is
    /// followed even when the process died before the tracker recorded it.</summary>
    private static ExecutionResult Recorded(string outcome, IdempotencyKey key)
    {
        if (!outcome.StartsWith("succeeded", StringComparison.Ordinal) || outcome.IndexOf(": ", StringComparison.Ordinal) is not (> 0 and var colon))
        {
            return ExecutionResult.AlreadyClaimed(key);
        }

        var handle = outcome["succeeded".Length..colon].Trim() is { Length: > 0 } named && named.IndexOf(':', StringComparison.Ordinal) is > 0 and var split
            ? new RunHandle(named[..split], named[(split + 1)..], null, "created")
            : null;
        return new ExecutionResult(true, "It had started before I restarted: " + outcome[(colon + 2)..], handle);
    }

    private static string Outcome(ExecutionResult result)
    {
        var first = result.Text.Split('\n', 2)[0];
        var text = (result.Succeeded ? "succeeded" : "failed") + (result.Run is { } run ? $" {run.Backend}:{run.RunId}" : "") + ": " + first;
        return text.Length <= OutcomeLength ? text : text[..OutcomeLength];
    }

    private string Unsupported(string intent) => intent switch
    {
        _ when intent.StartsWith("k8s.", StringComparison.Ordinal) && _kubernetes is null =>
            "No Kubernetes cluster is configured (Kubernetes:KubeconfigPath or Kubernetes:InCluster), so the bot cannot look at pods.",
        _ when intent.StartsWith("workflow.", StringComparison.Ordinal) && _zadig is null =>
            "No Zadig is configured (Zadig:BaseUrl), so the bot cannot run workflows.",
        _ when intent.StartsWith("pipeline.", StringComparison.Ordinal) && _gitLab is null && _zadig is null =>
            "Neither GitLab nor Zadig is configured, so the bot cannot run pipelines.",
        _ => $"The catalog binds no service in a way that serves {intent}.",
    };

    private HashSet<string> Supported()
    {
        var bindings = _catalog.Bindings;
        bool Deployable(ServiceBinding b) => (b.Deploy == DeployBackend.GitLab && _gitLab is not null) || (b.Deploy == DeployBackend.Zadig && _zadig is not null);
        var intents = new HashSet<string>(StringComparer.Ordinal);
        if (bindings.Any(Deployable))
        {
            intents.UnionWith([IntentNames.Deploy, IntentNames.PipelineRun, IntentNames.PipelineStatus, IntentNames.PipelineCancel, IntentNames.PipelineRetry]);
        }

        if (bindings.Any(b => (b.Rollback == RollbackMode.PreviousPipeline && _gitLab is not null) || (b.Rollback == RollbackMode.Workflow && _zadig is not null)))
        {
            intents.Add(IntentNames.Rollback);
        }

        if (_zadig is not null && (bindings.Any(b => b.Zadig is not null) || _catalog.ZadigWorkflows.Count > 0))
        {
            intents.UnionWith([IntentNames.WorkflowRun, IntentNames.WorkflowStatus]);
        }

        if (_kubernetes is not null && bindings.Any(b => b.Kubernetes is not null))
        {
            intents.UnionWith([IntentNames.K8sPods, IntentNames.K8sLogs, IntentNames.K8sDescribe, IntentNames.K8sEvents,
                IntentNames.K8sRollout, IntentNames.K8sRestart, IntentNames.K8sScale]);
        }

        return intents;
    }
}
