namespace ChatOps.Executors.GitLab;

/// <summary>A tag (gitlab.md §5 E4).</summary>
public sealed record GitLabTag(string Name, string? Message, string? Target, GitLabCommit? Commit, bool Protected);
