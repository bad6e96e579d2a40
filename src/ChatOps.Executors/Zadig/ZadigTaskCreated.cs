namespace ChatOps.Executors.Zadig;

/// <summary>The answer to a run (zadig.md §4.1 and §6.1): here <c>workflow_name</c> holds the workflow KEY (gotcha 4).</summary>
public sealed record ZadigTaskCreated(string? ProjectName, string WorkflowName, long TaskId);
