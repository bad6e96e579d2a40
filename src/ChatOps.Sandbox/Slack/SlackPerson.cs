namespace ChatOps.Sandbox.Slack;

/// <summary>A member of the emulated workspace as users.info shows them (contract §6.2).</summary>
public sealed record SlackPerson(string Id, string Name, string RealName, string? Email, bool IsBot = false);
