namespace ChatOps.Core.Execution;

/// <summary>What a command will concretely do, shown in the confirmation ("GitLab pipeline on shop/checkout@main with DEPLOY_ENV=uat").</summary>
public sealed record ExecutionPlan(bool CanRun, string Description, string? Problem = null);
