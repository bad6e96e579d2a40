namespace ChatOps.Executors.Zadig;

/// <summary>The repositories of a product-workflow target (zadig.md §6.1 <c>build.repos[]</c>).</summary>
public sealed record ZadigProductBuild(IReadOnlyList<ZadigProductRepo> Repos);
