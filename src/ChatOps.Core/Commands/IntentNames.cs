namespace ChatOps.Core.Commands;

/// <summary>The intent names of the NLU contract (shared/nlu-schema.md); these strings never change.</summary>
public static class IntentNames
{
    public const string Deploy = "deploy";
    public const string Rollback = "rollback";
    public const string PipelineRun = "pipeline.run";
    public const string PipelineStatus = "pipeline.status";
    public const string PipelineCancel = "pipeline.cancel";
    public const string PipelineRetry = "pipeline.retry";
    public const string WorkflowRun = "workflow.run";
    public const string WorkflowStatus = "workflow.status";
    public const string K8sPods = "k8s.pods";
    public const string K8sLogs = "k8s.logs";
    public const string K8sDescribe = "k8s.describe";
    public const string K8sEvents = "k8s.events";
    public const string K8sRollout = "k8s.rollout";
    public const string K8sRestart = "k8s.restart";
    public const string K8sScale = "k8s.scale";
    public const string ContextSet = "context.set";
    public const string ContextShow = "context.show";
    public const string AuditQuery = "audit.query";
    public const string Help = "help";
    public const string DialogConfirm = "dialog.confirm";
    public const string DialogDeny = "dialog.deny";
    public const string Greet = "greet";
    public const string RunsList = "runs.list";
    public const string OutOfScope = "out_of_scope";

    /// <summary>The intents that change something (the rest only look); they are what the policy confirms and what a recovery never starts twice.</summary>
    public static IReadOnlySet<string> Actions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Deploy, Rollback, PipelineRun, PipelineCancel, PipelineRetry, WorkflowRun, K8sRestart, K8sScale,
    };

    /// <summary>Every intent of the contract, in the schema's order; intents added after the schema come last.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Deploy, Rollback, PipelineRun, PipelineStatus, PipelineCancel, PipelineRetry,
        WorkflowRun, WorkflowStatus, K8sPods, K8sLogs, K8sDescribe, K8sEvents, K8sRollout,
        K8sRestart, K8sScale, ContextSet, ContextShow, AuditQuery, Help, DialogConfirm,
        DialogDeny, Greet, OutOfScope, RunsList,
    ];
}
