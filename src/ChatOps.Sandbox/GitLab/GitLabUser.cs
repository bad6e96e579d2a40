namespace ChatOps.Sandbox.GitLab;

/// <summary>The user behind every sandbox token (PAT owner and trigger-token owner).</summary>
internal sealed record GitLabUser(long Id, string Username, string Name, string State, string Email)
{
    public static GitLabUser Bot { get; } = new(12, "chatops-bot", "ChatOps Bot", "active", "[REDACTED]");
}
