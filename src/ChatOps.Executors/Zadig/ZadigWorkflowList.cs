namespace ChatOps.Executors.Zadig;

/// <summary>The workflows of a project (zadig.md §5.1).</summary>
public sealed record ZadigWorkflowList(IReadOnlyList<ZadigWorkflowItem> Workflows);
