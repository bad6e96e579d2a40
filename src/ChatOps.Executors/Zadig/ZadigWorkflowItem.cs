namespace ChatOps.Executors.Zadig;

/// <summary>One workflow (zadig.md §5.1): <c>workflow_name</c> is the display name, <c>type</c> custom or product.</summary>
public sealed record ZadigWorkflowItem(string WorkflowKey, string? WorkflowName, string? Type, string? UpdateBy, long UpdateTime);
