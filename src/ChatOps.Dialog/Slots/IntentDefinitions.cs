using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using static ChatOps.Core.Parsing.EntityNames;

namespace ChatOps.Dialog.Slots;

/// <summary>The required and optional details of every command intent; help text and slot filling both read it.</summary>
public static class IntentDefinitions
{
    private static IntentDefinition D(string intent, string[][] required, params string[] optional) =>
        new(intent, required.Select(r => (IReadOnlyList<string>)r).ToList(), optional);

    /// <summary>Definitions of the intents that become commands, in help order.</summary>
    public static IReadOnlyList<IntentDefinition> Commands { get; } =
    [
        D(IntentNames.Deploy, [[Service], [EntityNames.Environment]], Ref),
        D(IntentNames.Rollback, [[Service], [EntityNames.Environment]], Ref),
        D(IntentNames.PipelineRun, [[Service, Project]], Ref, EntityNames.Environment),
        D(IntentNames.PipelineStatus, [[Service, Project, PipelineId]], Ref),
        D(IntentNames.PipelineCancel, [[Service, Project, PipelineId]], Ref),
        D(IntentNames.PipelineRetry, [[Service, Project, PipelineId]], Ref),
        D(IntentNames.WorkflowRun, [[Workflow]], Service, EntityNames.Environment, Ref),
        D(IntentNames.WorkflowStatus, [[Workflow]]),
        D(IntentNames.K8sPods, [[Service, Namespace], [EntityNames.Environment, Namespace]]),
        D(IntentNames.K8sLogs, [[Service, Pod], [EntityNames.Environment, Namespace]], Lines, Since),
        D(IntentNames.K8sDescribe, [[Service, Pod], [EntityNames.Environment, Namespace]]),
        D(IntentNames.K8sEvents, [[EntityNames.Environment, Namespace]], Service, Since),
        D(IntentNames.K8sRollout, [[Service], [EntityNames.Environment, Namespace]]),
        D(IntentNames.K8sRestart, [[Service], [EntityNames.Environment, Namespace]]),
        D(IntentNames.K8sScale, [[Service], [EntityNames.Environment, Namespace], [Replicas]]),
        D(IntentNames.AuditQuery, [], Service, EntityNames.Environment, Since),
        D(IntentNames.RunsList, []),
    ];

    private static readonly Dictionary<string, IntentDefinition> ByIntent = Commands.ToDictionary(d => d.Intent);

    /// <summary>The definition of a command intent, or null for conversational intents (greet, help, …).</summary>
    public static IntentDefinition? Find(string intent) => ByIntent.GetValueOrDefault(intent);
}
