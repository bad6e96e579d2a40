namespace ChatOps.Executors.Zadig;

/// <summary>The body of POST /openapi/workflows/custom/task (zadig.md §4.1); jobs not listed in inputs are skipped.</summary>
public sealed record ZadigRunRequest(string ProjectKey, string WorkflowKey, IReadOnlyList<ZadigParameter>? Parameters, IReadOnlyList<ZadigRunInput> Inputs);
