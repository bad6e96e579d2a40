namespace ChatOps.Sandbox.GitLab;

/// <summary>A seeded project with its branches and tags (contract E1–E4).</summary>
internal sealed class GitLabProject
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string Group { get; init; }

    public required long NamespaceId { get; init; }

    public required IReadOnlyList<GitLabRef> Branches { get; init; }

    public required IReadOnlyList<GitLabRef> Tags { get; init; }

    public string PathWithNamespace => $"{Group}/{Name}";

    public string DefaultBranch => Branches[0].Name;

    public int LastIid { get; set; }

    public GitLabRef? FindBranch(string name) => Branches.FirstOrDefault(b => b.Name == name);

    public GitLabRef? FindTag(string name) => Tags.FirstOrDefault(t => t.Name == name);
}
