using ChatOps.Core.Chat;
using Microsoft.Extensions.Logging;

namespace ChatOps.Cli.Hosting;

/// <summary>The chat adapter of a host without Slack: run updates are logged, and API clients read them from <c>GET /api/runs/{id}</c>.</summary>
public sealed partial class NoChatAdapter(ILogger<NoChatAdapter> log) : IChatAdapter
{
    /// <inheritdoc />
    public Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Unsent(log, conversation.ToString(), reply.RunId);
        return Task.FromResult<MessageRef?>(null);
    }

    /// <inheritdoc />
    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "No chat surface is configured: the message for {Conversation} (run {RunId}) was not posted")]
    private static partial void Unsent(ILogger logger, string conversation, string? runId);
}
