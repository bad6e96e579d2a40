using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;

namespace ChatOps.Executors;

public sealed partial class CommandRouter
{
    private async Task<ExecutionPlan> PlanIntentAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        switch (command.Intent)
        {
            case IntentNames.Deploy or IntentNames.PipelineRun:
            {
                var binding = Binding(command);
                if (RunBackend(command, binding) == DeployBackend.GitLab)
                {
                    var (gitlab, g) = GitLabOf(binding);
                    return await gitlab.PlanRunAsync(g, command.Slots.Ref, cancellationToken).ConfigureAwait(false);
                }

                var (zadig, z) = ZadigOf(binding);
                return await zadig.PlanRunAsync(z, Values(command, binding), rollback: false, cancellationToken).ConfigureAwait(false);
            }

            case IntentNames.Rollback:
            {
                var binding = Binding(command);
                switch (binding.Rollback)
                {
                    case RollbackMode.PreviousPipeline:
                        var (gitlab, g) = GitLabOf(binding);
                        return await gitlab.PlanRollbackAsync(g, binding.Environment, cancellationToken).ConfigureAwait(false);
                    case RollbackMode.Workflow:
                        var (zadig, z) = ZadigOf(binding);
                        return await zadig.PlanRunAsync(z, Values(command, binding), rollback: true, cancellationToken).ConfigureAwait(false);
                    default:
                        throw new ExecutorException($"The catalog sets no rollback for {ChatText.Code(binding.Service)} in {ChatText.Code(binding.Environment)}.");
                }
            }

            case IntentNames.PipelineStatus or IntentNames.PipelineCancel or IntentNames.PipelineRetry:
                return new ExecutionPlan(true, PipelineAction(command));

            case IntentNames.WorkflowRun:
            {
                var (binding, values) = Workflow(command);
                return await (_zadig ?? throw new ExecutorException("No Zadig is configured.")).PlanRunAsync(binding, values, rollback: false, cancellationToken)
                    .ConfigureAwait(false);
            }

            case IntentNames.WorkflowStatus:
            {
                var (binding, values) = Workflow(command);
                var workflow = values.Fill(binding.Workflow, $"Workflow {binding.Workflow}");
                return new ExecutionPlan(true, $"show the status of {(command.Slots.PipelineId is { } id ? $"task #{id}" : "the newest task")} of Zadig workflow {workflow}");
            }

            case IntentNames.K8sLogs:
                return await Kube.PlanLogsAsync(KubeTarget(command), Logs(command), cancellationToken).ConfigureAwait(false);

            case IntentNames.K8sRestart:
                return await Kube.PlanChangeAsync(KubeTarget(command), null, cancellationToken).ConfigureAwait(false);

            case IntentNames.K8sScale:
                return await Kube.PlanChangeAsync(KubeTarget(command), Replicas(command), cancellationToken).ConfigureAwait(false);

            default:
                return new ExecutionPlan(true, ReadAction(command));
        }
    }

    private string PipelineAction(ChatCommand command)
    {
        var binding = Binding(command);
        var verb = command.Intent switch
        {
            IntentNames.PipelineCancel => "cancel",
            IntentNames.PipelineRetry => "retry",
            _ => "show the status of",
        };
        var which = command.Slots.PipelineId is { } id ? $"#{id}" : "the newest";
        if (DeployOf(binding) == DeployBackend.GitLab)
        {
            var g = GitLabOf(binding).Binding;
            return $"{verb} pipeline {which}" + (command.Slots.PipelineId is null ? $" on {g.Ref ?? "the default branch"}" : "") + $" of GitLab project {g.Project}";
        }

        var z = ZadigOf(binding).Binding;
        return $"{verb} task {which} of Zadig workflow {Values(command, binding).Fill(z.Workflow, z.Workflow)}";
    }

    private string ReadAction(ChatCommand command)
    {
        if (command.Intent == IntentNames.K8sEvents)
        {
            return $"list the warning events in namespace {ChatText.Code(EventsNamespace(command))}";
        }

        var t = KubeTarget(command);
        var where = $"deployment {ChatText.Code(t.Deployment)} in namespace {ChatText.Code(t.Namespace)}";
        return command.Intent switch
        {
            IntentNames.K8sPods => $"list the pods of {where} ({t.Selector})",
            IntentNames.K8sDescribe when command.Slots.Pod is { } pod => $"describe pod {ChatText.Code(pod)} of {where}",
            IntentNames.K8sDescribe => $"describe {where}",
            _ => $"show the rollout status of {where}",
        };
    }

    private static int Replicas(ChatCommand command) => command.Slots.Replicas ?? throw new ExecutorException("How many replicas?");
}
