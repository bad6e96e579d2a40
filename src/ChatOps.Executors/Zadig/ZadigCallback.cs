namespace ChatOps.Executors.Zadig;

/// <summary>Where Zadig POSTs the final result of a product-workflow task, and the variables echoed back (zadig.md §6.1/§6.2).</summary>
public sealed record ZadigCallback(string CallbackUrl, IReadOnlyDictionary<string, string> CallbackVars);
