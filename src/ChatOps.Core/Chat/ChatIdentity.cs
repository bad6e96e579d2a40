namespace ChatOps.Core.Chat;

/// <summary>Who is speaking, as the policy sees them: the chat user id, and the e-mail and groups when the adapter knows them.</summary>
/// <param name="UserId">The chat system's user id (Slack "U0ALICE", the console's name, the API token's identity).</param>
/// <param name="Email">The verified e-mail of the person, or null when the chat system does not show it.</param>
/// <param name="Groups">Groups the chat system puts the person in (user groups, token groups).</param>
public sealed record ChatIdentity(string UserId, string? Email, IReadOnlyList<string> Groups)
{
    /// <summary>An identity known only by its user id.</summary>
    public static ChatIdentity Of(string userId) => new(userId, null, []);
}
