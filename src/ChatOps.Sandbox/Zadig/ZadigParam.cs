namespace ChatOps.Sandbox.Zadig;

/// <summary>A workflow-level variable (contract §4.1 `parameters`: name, type string|text|choice|repo, value).</summary>
internal sealed record ZadigParam(string Name, string Type, string Value, IReadOnlyList<string> Options);
