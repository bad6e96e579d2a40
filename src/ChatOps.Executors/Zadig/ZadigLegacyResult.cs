namespace ChatOps.Executors.Zadig;

/// <summary>The answer of product-workflow cancel and restart (zadig.md §6.1): resultCode 0 is success.</summary>
public sealed record ZadigLegacyResult(int ResultCode, string? ErrorMsg);
