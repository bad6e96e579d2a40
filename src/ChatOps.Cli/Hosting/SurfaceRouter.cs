using ChatOps.Adapters.Api;
using ChatOps.Core.Chat;

namespace ChatOps.Cli.Hosting;

/// <summary>The tracker's chat adapter when Slack and the API share a host: notes about API conversations are not posted to Slack.</summary>
public sealed class SurfaceRouter(IChatAdapter chat, NoChatAdapter api) : IChatAdapter, IRunMessageFinder
{
    /// <inheritdoc />
    /// <remarks>API conversations have no message to find; chat ones are looked for when the chat adapter can.</remarks>
    public Task<MessageRef?> FindRunMessageAsync(ConversationKey conversation, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.Workspace != CommandApiEndpoints.Workspace && chat is IRunMessageFinder finder
            ? finder.FindRunMessageAsync(conversation, runId, cancellationToken)
            : Task.FromResult<MessageRef?>(null);
    }

    /// <inheritdoc />
    public Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.Workspace == CommandApiEndpoints.Workspace
            ? api.SendAsync(conversation, reply, thread, cancellationToken)
            : chat.SendAsync(conversation, reply, thread, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Only chat adapters report where a run's message landed, so every message to edit is the chat's.</remarks>
    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken) => chat.UpdateAsync(message, reply, cancellationToken);
}
