namespace ChatOps.Executors.Zadig;

/// <summary>A service to build and deploy in a product-workflow task (zadig.md §6.1 <c>targets[]</c>).</summary>
public sealed record ZadigProductTarget(string Name, string ServiceType, ZadigProductBuild Build);
