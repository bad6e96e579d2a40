namespace ChatOps.Executors.Zadig;

/// <summary>The body of the product-workflow create call (zadig.md §6.1).</summary>
public sealed record ZadigProductTaskRequest(string WorkflowName, string EnvName, IReadOnlyList<ZadigProductTarget> Targets, ZadigCallback? Callback);
