namespace ChatOps.Core.Catalog;

/// <summary>One service of the catalog with the other names people use for it.</summary>
public sealed record ServiceEntry(string Name, IReadOnlyList<string> Aliases);
