namespace ChatOps.Core.Catalog;

/// <summary>One environment of the catalog; protected ones need confirmation for every action.</summary>
public sealed record EnvironmentEntry(string Name, IReadOnlyList<string> Aliases, bool Protected);
