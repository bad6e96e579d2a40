namespace ChatOps.Executors.Zadig;

/// <summary>A page of a workflow's task history (zadig.md §4.6).</summary>
public sealed record ZadigTaskList(long Total, IReadOnlyList<ZadigTaskSummary> WorkflowTasks);
