using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Kubernetes;

namespace ChatOps.Executors.Tracking;

/// <summary>The short name of a run in chat: what was asked and which backend run does it ("deploy checkout to uat (GitLab pipeline #90211)").</summary>
internal static class RunSummary
{
    /// <summary>The intents that start a run worth following (a restart or scale is followed as its rollout); status, cancel and lookups are not.</summary>
    public static readonly IReadOnlySet<string> StartingIntents = new HashSet<string>(StringComparer.Ordinal)
    {
        IntentNames.Deploy, IntentNames.Rollback, IntentNames.PipelineRun, IntentNames.PipelineRetry, IntentNames.WorkflowRun,
        IntentNames.K8sRestart, IntentNames.K8sScale,
    };

    public static string Of(ChatCommand command, RunHandle handle)
    {
        var (service, environment) = (command.Service ?? "?", command.Environment ?? "?");
        var what = command.Intent switch
        {
            IntentNames.Deploy => $"deploy {service} to {environment}",
            IntentNames.Rollback => $"rollback of {service} in {environment}",
            IntentNames.PipelineRetry => $"retry for {service} in {environment}",
            IntentNames.K8sRestart => $"restart of {service} in {environment}",
            IntentNames.K8sScale => $"scale of {service} in {environment} to {command.Slots.Replicas}",
            IntentNames.WorkflowRun => $"workflow {command.Slots.Workflow ?? service}" + (command.Service is null ? "" : $" for {service}"),
            _ => $"pipeline for {service} in {environment}",
        };
        return $"{what} ({Backend(handle)})";
    }

    private static string Backend(RunHandle handle)
    {
        if (handle.Backend == GitLabExecutor.Backend)
        {
            var cut = handle.RunId.LastIndexOf('/');
            return $"GitLab pipeline #{handle.RunId[(cut + 1)..]}";
        }

        if (handle.Backend == KubernetesExecutor.Backend)
        {
            return $"rollout of deployment {handle.RunId.Replace("/deployments/", "/", StringComparison.Ordinal)}";
        }

        var tasks = handle.RunId.LastIndexOf("/tasks/", StringComparison.Ordinal);
        return tasks > 0 ? $"Zadig task #{handle.RunId[(tasks + 7)..]} of {handle.RunId[..tasks]}" : $"{handle.Backend} {handle.RunId}";
    }
}
