namespace ChatOps.Core.Chat;

/// <summary>Tells the policy more about a chat user (e-mail, groups); adapters that know nothing more need not provide one.</summary>
public interface IIdentityResolver
{
    /// <summary>The identity of <paramref name="userId"/> in the workspace of <paramref name="conversation"/>; never throws for an unknown user.</summary>
    Task<ChatIdentity> ResolveAsync(ConversationKey conversation, string userId, CancellationToken cancellationToken);
}
