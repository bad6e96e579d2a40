namespace ChatOps.Sandbox.GitLab;

/// <summary>A branch or a tag of a project.</summary>
internal sealed record GitLabRef(string Name, GitLabCommit Commit, bool Protected);
