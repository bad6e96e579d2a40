namespace ChatOps.Executors.GitLab;

/// <summary>The user on a pipeline or job (gitlab.md §5 E8 <c>user</c>).</summary>
public sealed record GitLabUser(long Id, string Username, string? Name);
