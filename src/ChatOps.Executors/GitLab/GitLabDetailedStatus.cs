namespace ChatOps.Executors.GitLab;

/// <summary>REST <c>detailed_status</c> object (gitlab.md §2); <c>group</c> may be success-with-warnings.</summary>
public sealed record GitLabDetailedStatus(string? Text, string? Label, string? Group);
