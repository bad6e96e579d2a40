namespace ChatOps.Executors.Zadig;

/// <summary>Success without data (zadig.md §0): <c>{"message":"success"}</c>.</summary>
public sealed record ZadigMessage(string? Message);
