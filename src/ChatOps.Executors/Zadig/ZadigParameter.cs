namespace ChatOps.Executors.Zadig;

/// <summary>A workflow-level parameter (zadig.md §4.1 <c>parameters[]</c>, §4.2 <c>params[]</c>): type string, text, choice or repo.</summary>
public sealed record ZadigParameter(string Name, string Type, string? Value);
