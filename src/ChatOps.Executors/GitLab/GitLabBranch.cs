namespace ChatOps.Executors.GitLab;

/// <summary>A branch (gitlab.md §5 E2/E3).</summary>
public sealed record GitLabBranch(string Name, bool Protected, bool Default, GitLabCommit? Commit, string? WebUrl);
