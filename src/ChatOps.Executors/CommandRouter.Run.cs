using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using ChatOps.Executors.Zadig;

namespace ChatOps.Executors;

public sealed partial class CommandRouter
{
    /// <summary>An interrupted request whose claim has no outcome. A lookup is answered again (it changes nothing). An action is adopted when the
    /// backend shows what it started; when the backend shows for certain that it never started and the request may resume, it is started now,
    /// once (a second claim, <c>resume:KEY</c>, makes a second resume impossible on any replica); otherwise the answer is the claim's refusal.</summary>
    private async Task<ExecutionResult> RecoverAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var command = request.Command;
        if (!IntentNames.Actions.Contains(command.Intent))
        {
            return await RunAndRecordAsync(request, cancellationToken).ConfigureAwait(false);
        }

        Recovery found;
        try
        {
            found = await FindStartedAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ExecutorException or Refit.ApiException or HttpRequestException or k8s.Autorest.HttpOperationException)
        {
            // why: the backend could not be asked; saying "not adopted" is safe, starting anything would not be
            return ExecutionResult.AlreadyClaimed(request.Key);
        }

        if (found.Adopted is { } adopted)
        {
            await _store.CompleteAsync(request.Key, Outcome(adopted), CancellationToken.None).ConfigureAwait(false);
            return adopted;
        }

        if (found.NeverStarted && request.MayResume
            && await _store.TryClaimAsync(new IdempotencyKey("resume:" + request.Key.Value), request.RequestedBy, cancellationToken).ConfigureAwait(false))
        {
            var resumed = await RunAndRecordAsync(request, cancellationToken).ConfigureAwait(false);
            return resumed with { Text = $"I restarted before this request reached {BackendName(command)}, which shows it never started, so I started it now, as confirmed. " + resumed.Text };
        }

        return ExecutionResult.AlreadyClaimed(request.Key);
    }

    /// <summary>Where an interrupted action would have left its trace; <see cref="Recovery.Unknown"/> for actions that leave none to look for.</summary>
    private async Task<Recovery> FindStartedAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var command = request.Command;
        var since = request.StartedAt ?? DateTimeOffset.UtcNow - TimeSpan.FromHours(1);
        switch (command.Intent)
        {
            case IntentNames.Deploy or IntentNames.PipelineRun when Binding(command) is var binding && RunBackend(command, binding) == DeployBackend.GitLab:
                var (gitlab, g) = GitLabOf(binding);
                return await gitlab.FindStartedAsync(g, command.Slots.Ref, request.Key, since, cancellationToken).ConfigureAwait(false);
            case IntentNames.Deploy or IntentNames.PipelineRun when Binding(command) is var binding:
            {
                var (zadig, z) = ZadigOf(binding);
                return await zadig.FindStartedAsync(z, Values(command, binding), rollback: false, request.Key, since, cancellationToken).ConfigureAwait(false);
            }

            case IntentNames.Rollback when Binding(command) is var binding && binding.Rollback == RollbackMode.PreviousPipeline:
            {
                var (previous, pb) = GitLabOf(binding);
                return await previous.FindRollbackAsync(pb, request.Key, since, cancellationToken).ConfigureAwait(false);
            }

            case IntentNames.Rollback when Binding(command) is var binding && binding.Rollback == RollbackMode.Workflow:
            {
                var (zadig, z) = ZadigOf(binding);
                return await zadig.FindStartedAsync(z, Values(command, binding), rollback: true, request.Key, since, cancellationToken).ConfigureAwait(false);
            }

            case IntentNames.WorkflowRun:
            {
                var (binding, values) = Workflow(command);
                return _zadig is null ? Recovery.Unknown
                    : await _zadig.FindStartedAsync(binding, values, rollback: false, request.Key, since, cancellationToken).ConfigureAwait(false);
            }

            case IntentNames.K8sRestart:
                return await Kube.FindRestartAsync(KubeTarget(command), request.Key, cancellationToken).ConfigureAwait(false);
            case IntentNames.K8sScale:
                return await Kube.FindScaleAsync(KubeTarget(command), Replicas(command), cancellationToken).ConfigureAwait(false);
            default:
                return Recovery.Unknown;
        }
    }

    private string BackendName(ChatCommand command) => command.Intent switch
    {
        _ when command.Intent.StartsWith("k8s.", StringComparison.Ordinal) => "Kubernetes",
        IntentNames.WorkflowRun => "Zadig",
        IntentNames.Rollback => Binding(command).Rollback == RollbackMode.Workflow ? "Zadig" : "GitLab",
        _ => RunBackend(command, Binding(command)) == DeployBackend.GitLab ? "GitLab" : "Zadig",
    };

    private async Task<ExecutionResult> RunIntentAsync(ChatCommand command, IdempotencyKey key, CancellationToken cancellationToken)
    {
        switch (command.Intent)
        {
            case IntentNames.Deploy or IntentNames.PipelineRun:
            {
                var binding = Binding(command);
                if (RunBackend(command, binding) == DeployBackend.GitLab)
                {
                    var (gitlab, g) = GitLabOf(binding);
                    return await gitlab.RunAsync(g, command.Slots.Ref, key, cancellationToken).ConfigureAwait(false);
                }

                var (zadig, z) = ZadigOf(binding);
                return await zadig.RunAsync(z, Values(command, binding), rollback: false, key, cancellationToken).ConfigureAwait(false);
            }

            case IntentNames.Rollback:
            {
                var binding = Binding(command);
                switch (binding.Rollback)
                {
                    case RollbackMode.PreviousPipeline:
                        var (gitlab, g) = GitLabOf(binding);
                        return await gitlab.RollbackAsync(g, binding.Environment, key, cancellationToken).ConfigureAwait(false);
                    case RollbackMode.Workflow:
                        var (zadig, z) = ZadigOf(binding);
                        return await zadig.RunAsync(z, Values(command, binding), rollback: true, key, cancellationToken).ConfigureAwait(false);
                    default:
                        throw new ExecutorException($"The catalog sets no rollback for {ChatText.Code(binding.Service)} in {ChatText.Code(binding.Environment)}.");
                }
            }

            case IntentNames.PipelineStatus or IntentNames.PipelineCancel or IntentNames.PipelineRetry:
                return await PipelineAsync(command, cancellationToken).ConfigureAwait(false);

            case IntentNames.WorkflowRun:
            {
                var (binding, values) = Workflow(command);
                return await (_zadig ?? throw new ExecutorException("No Zadig is configured.")).RunAsync(binding, values, rollback: false, key, cancellationToken)
                    .ConfigureAwait(false);
            }

            case IntentNames.WorkflowStatus:
            {
                var (binding, values) = Workflow(command);
                return await ZadigTaskAsync(binding, values, IntentNames.PipelineStatus, command.Slots.PipelineId, cancellationToken).ConfigureAwait(false);
            }

            default:
                return await KubernetesAsync(command, key, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ExecutionResult> PipelineAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var binding = Binding(command);
        var id = command.Slots.PipelineId;
        if (DeployOf(binding) == DeployBackend.GitLab)
        {
            var (gitlab, g) = GitLabOf(binding);
            return command.Intent switch
            {
                IntentNames.PipelineCancel => await gitlab.CancelAsync(g, id, cancellationToken).ConfigureAwait(false),
                IntentNames.PipelineRetry => await gitlab.RetryAsync(g, id, cancellationToken).ConfigureAwait(false),
                _ => await gitlab.StatusAsync(g, id, cancellationToken).ConfigureAwait(false),
            };
        }

        return await ZadigTaskAsync(ZadigOf(binding).Binding, Values(command, binding), command.Intent, id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExecutionResult> ZadigTaskAsync(ZadigBinding binding, Placeholders values, string intent, long? taskId, CancellationToken cancellationToken)
    {
        var zadig = _zadig ?? throw new ExecutorException("No Zadig is configured.");
        var workflow = values.Fill(binding.Workflow, $"Workflow {binding.Workflow}");
        if (binding.ProductWorkflow)
        {
            var id = taskId ?? throw new ExecutorException($"Which task of product workflow {ChatText.Code(workflow)}? Say its number.");
            return intent == IntentNames.PipelineStatus
                ? await zadig.ProductStatusAsync(workflow, id, cancellationToken).ConfigureAwait(false)
                : await zadig.ProductActAsync(workflow, id, restart: intent == IntentNames.PipelineRetry, cancellationToken).ConfigureAwait(false);
        }

        return intent switch
        {
            IntentNames.PipelineCancel => await zadig.CancelAsync(binding.Project, workflow, taskId, cancellationToken).ConfigureAwait(false),
            IntentNames.PipelineRetry => await zadig.RetryAsync(binding.Project, workflow, taskId, cancellationToken).ConfigureAwait(false),
            _ => await zadig.StatusAsync(binding.Project, workflow, taskId, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<ExecutionResult> KubernetesAsync(ChatCommand command, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var kube = Kube;
        if (command.Intent == IntentNames.K8sEvents)
        {
            var ns = EventsNamespace(command);
            var prefix = command.Service is null ? null : KubeTarget(command).Deployment;
            return await kube.WarningEventsAsync(ns, prefix, cancellationToken).ConfigureAwait(false);
        }

        var target = KubeTarget(command);
        return command.Intent switch
        {
            IntentNames.K8sPods => await kube.PodsAsync(target, cancellationToken).ConfigureAwait(false),
            IntentNames.K8sLogs => await kube.LogsAsync(target, Logs(command), cancellationToken).ConfigureAwait(false),
            IntentNames.K8sDescribe when command.Slots.Pod is { } pod => await kube.DescribePodAsync(target, pod, cancellationToken).ConfigureAwait(false),
            IntentNames.K8sDescribe => await kube.DescribeDeploymentAsync(target, cancellationToken).ConfigureAwait(false),
            IntentNames.K8sRollout => await kube.RolloutStatusAsync(target, cancellationToken).ConfigureAwait(false),
            IntentNames.K8sRestart => await kube.RestartAsync(target, key, cancellationToken).ConfigureAwait(false),
            IntentNames.K8sScale => await kube.ScaleAsync(target, Replicas(command), cancellationToken).ConfigureAwait(false),
            _ => new ExecutionResult(false, Unsupported(command.Intent)),
        };
    }
}
