namespace ChatOps.Executors.Zadig;

/// <summary>One repository of a product-workflow build (zadig.md §6.1 <c>repos[]</c>).</summary>
public sealed record ZadigProductRepo(string RepoName, string Branch, int Pr);
