namespace ChatOps.Sandbox.Zadig;

/// <summary>A configured stage of a workflow (contract §4.7 `stages[{name, parallel, jobs}]`).</summary>
internal sealed record ZadigStageDef(string Name, IReadOnlyList<ZadigJobDef> Jobs, bool Parallel = true);
