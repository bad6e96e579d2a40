namespace ChatOps.Core.Catalog;

/// <summary>A Zadig workflow people may run by name (<c>workflow.run</c>); its text may hold <c>{service}</c>, <c>{environment}</c> and <c>{ref}</c>.</summary>
public sealed record ZadigWorkflowEntry(string Name, IReadOnlyList<string> Aliases, ZadigBinding Binding);
