using ChatOps.Adapters.Slack.Api;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Slack;

/// <summary>Tells the policy a Slack user's e-mail (users.info, when Slack:ResolveEmails is on); a failed lookup gives no e-mail, so e-mail grants fail closed.</summary>
public sealed class SlackIdentityResolver(SlackUserDirectory users) : IIdentityResolver
{
    /// <summary>The workspace of command-API conversations, whose users are not Slack users.</summary>
    private const string ApiWorkspace = "api";

    /// <inheritdoc />
    public async Task<ChatIdentity> ResolveAsync(ConversationKey conversation, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.Workspace == ApiWorkspace || string.IsNullOrEmpty(userId)) return ChatIdentity.Of(userId);
        try
        {
            return new ChatIdentity(userId, await users.GetEmailAsync(userId, cancellationToken).ConfigureAwait(false), []);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            return ChatIdentity.Of(userId);
        }
    }
}
