namespace ChatOps.Executors.GitLab;

/// <summary>The body of E5 (gitlab.md §5): <c>ref</c> and variables as an ARRAY of {key, value}.</summary>
public sealed record CreatePipelineRequest(string Ref, IReadOnlyList<GitLabVariable> Variables);
