namespace ChatOps.Executors.Zadig;

/// <summary>A product-workflow task (zadig.md §6.1 GET workflowTask/id/&lt;id&gt;/pipelines/&lt;name&gt;); old status set.</summary>
public sealed record ZadigProductTask(string WorkflowName, string? EnvName, string? Status);
