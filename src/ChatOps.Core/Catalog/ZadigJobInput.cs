namespace ChatOps.Core.Catalog;

/// <summary>One job of a Zadig run request (zadig.md §4.1 <c>inputs[]</c>); parameters are JSON text that may hold placeholders.</summary>
public sealed record ZadigJobInput(string JobName, string? JobType, string ParametersJson);
