namespace ChatOps.Executors.GitLab;

/// <summary>A project (gitlab.md §5 E1).</summary>
public sealed record GitLabProject(long Id, string Name, string PathWithNamespace, string? DefaultBranch, string? WebUrl);
