namespace ChatOps.Sandbox.GitLab;

/// <summary>A commit a branch or tag points at (contract E2/E3 `commit`).</summary>
internal sealed record GitLabCommit(string Sha, string Title, DateTimeOffset CommittedDate)
{
    public string ShortId => Sha[..8];

    public string Message => Title + "\n";
}
