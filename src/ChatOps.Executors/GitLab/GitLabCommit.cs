namespace ChatOps.Executors.GitLab;

/// <summary>The commit a branch or tag points at (gitlab.md §5 E2/E3/E4 <c>commit</c>).</summary>
public sealed record GitLabCommit(string Id, string? ShortId, string? Title, DateTimeOffset? CommittedDate);
