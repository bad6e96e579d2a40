using ChatOps.Adapters.Slack.Api;
using ChatOps.Adapters.Slack.Blocks;
using ChatOps.Adapters.Slack.Files;
using ChatOps.Adapters.Slack.Routing;
using ChatOps.Core.Chat;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack;

/// <summary>
/// Posts and edits the bot's Slack messages through the <see cref="SlackOutbox"/>: a channel conversation is answered in its thread,
/// a direct-message conversation (channel "dm", thread = user id) in the DM. Long output (<see cref="Reply.Attachment"/>) is attached as a file.
/// </summary>
public sealed partial class SlackChatAdapter(
    SlackOutbox outbox, SlackFileUploader files, SlackThreads threads, IEnumerable<IRunMessageObserver> observers, ILogger<SlackChatAdapter> log) : IChatAdapter, IRunMessageFinder
{
    /// <summary>The metadata event type of a run's announcement; its payload is <c>{"run_id": …}</c>.</summary>
    public const string RunEventType = "chatops_run";

    /// <summary>How many messages of a thread a search reads at most (pages of 200).</summary>
    private const int MaxThreadMessages = 1000;

    /// <summary>The channel of <see cref="ConversationKey"/>s that are direct messages.</summary>
    public const string DirectMessages = "dm";

    /// <inheritdoc />
    /// <remarks>Posts <see cref="Reply.Ephemeral"/> replies visibly: outside a turn there is no one sender to show them to. Observers are not told:
    /// outside a turn the tracker sends only a run's final note, which names the run without being its message.</remarks>
    public Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var (channel, threadTs) = conversation.Channel == DirectMessages
            ? (thread?.Channel ?? conversation.Thread, thread?.ThreadId)
            : (conversation.Channel, thread is null ? conversation.Thread : thread.ThreadId ?? thread.MessageId);
        // why: telling the tracker would move the run onto its own final note, and it holds that run's lock while sending it (a deadlock)
        return PostMessagesAsync(channel, threadTs, reply, tellObservers: false, cancellationToken);
    }

    /// <inheritdoc />
    public async Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var staged = await StageAttachmentAsync(reply, cancellationToken).ConfigureAwait(false);
        var messages = BlockKitRenderer.Render(reply, attachmentAttached: staged is not null);
        await UpdateBlocksAsync(message.Channel, message.MessageId, messages[0], cancellationToken).ConfigureAwait(false);
        foreach (var more in messages.Skip(1))
        {
            await PostMessageAsync(message.Channel, message.ThreadId ?? message.MessageId, more, cancellationToken).ConfigureAwait(false);
        }

        if (staged is not null) await ShareAttachmentAsync(staged, reply, message.Channel, message.ThreadId ?? FileThreadOf(message), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a reply into a channel (in <paramref name="threadTs"/> when given) and returns where its first message landed.</summary>
    public Task<MessageRef?> PostAsync(string channel, string? threadTs, Reply reply, CancellationToken cancellationToken) =>
        PostMessagesAsync(channel, threadTs, reply, tellObservers: true, cancellationToken);

    private async Task<MessageRef?> PostMessagesAsync(string channel, string? threadTs, Reply reply, bool tellObservers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var staged = await StageAttachmentAsync(reply, cancellationToken).ConfigureAwait(false);
        MessageRef? first = null;
        foreach (var message in BlockKitRenderer.Render(reply, attachmentAttached: staged is not null))
        {
            // why: a run's announcement carries its id, so a process that died before attaching it can be found again (FindRunMessageAsync)
            var metadata = first is null && reply.RunId is { } id ? new SlackMetadata(RunEventType, new System.Text.Json.Nodes.JsonObject { ["run_id"] = id }) : null;
            var posted = await PostMessageAsync(first?.Channel ?? channel, threadTs, message, cancellationToken, metadata).ConfigureAwait(false);
            first ??= new MessageRef(posted.Channel ?? channel, posted.Ts ?? "", threadTs);
        }

        if (tellObservers && reply.RunId is { } runId && first is not null) await NotifyRunAsync(runId, first, cancellationToken).ConfigureAwait(false);
        if (staged is not null && first is not null) await ShareAttachmentAsync(staged, reply, first.Channel, threadTs ?? FileThreadOf(first), cancellationToken).ConfigureAwait(false);
        return first;
    }

    /// <summary>Shows a reply to one person only (chat.postEphemeral); it cannot be edited later, nor carry a file, so long output shows its tail.</summary>
    public async Task PostEphemeralAsync(string channel, string user, string? threadTs, Reply reply, CancellationToken cancellationToken)
    {
        foreach (var message in BlockKitRenderer.Render(reply))
        {
            await outbox.SendAsync("chat.postEphemeral", channel,
                (api, ct) => api.PostEphemeralAsync(new PostEphemeralRequest(channel, user, message.Text, message.Blocks, threadTs), ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces a message's blocks (chat.update).</summary>
    public Task<UpdateMessageResponse> UpdateBlocksAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return outbox.SendAsync("chat.update", channel,
            (api, ct) => api.UpdateMessageAsync(new UpdateMessageRequest(channel, ts, message.Text, message.Blocks), ct), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Reads the thread with conversations.replies and its metadata; direct messages (whose D… channel the key does not hold) and
    /// any Slack error answer null, so the tracker posts a new message instead.</remarks>
    public async Task<MessageRef?> FindRunMessageAsync(ConversationKey conversation, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.Channel == DirectMessages) return null;
        var (channel, thread) = (conversation.Channel, conversation.Thread);
        try
        {
            string? cursor = null;
            for (var read = 0; read < MaxThreadMessages;)
            {
                var page = await outbox.SendAsync("conversations.replies", null,
                    (api, ct) => api.GetRepliesAsync(channel, thread, includeAllMetadata: "true", limit: 200, cursor, ct), cancellationToken).ConfigureAwait(false);
                var found = page.Messages.FirstOrDefault(m => m.BotId is not null && m.Ts is not null && m.Metadata is { EventType: RunEventType } meta
                    && meta.EventPayload["run_id"]?.GetValue<string>() == runId);
                if (found is not null) return new MessageRef(channel, found.Ts!, thread);
                read += page.Messages.Count;
                cursor = page.ResponseMetadata?.NextCursor;
                if (!page.HasMore || string.IsNullOrEmpty(cursor) || page.Messages.Count == 0) return null;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SlackLog.RunSearchFailed(log, ex, runId);
        }

        return null;
    }

    private async Task<PostMessageResponse> PostMessageAsync(string channel, string? threadTs, SlackMessage message, CancellationToken cancellationToken,
        SlackMetadata? metadata = null)
    {
        var posted = await outbox.SendAsync("chat.postMessage", channel,
            (api, ct) => api.PostMessageAsync(new PostMessageRequest(channel, message.Text, message.Blocks, threadTs) { Metadata = metadata }, ct),
            cancellationToken).ConfigureAwait(false);
        if (threadTs is not null && !channel.StartsWith('D')) threads.Posted(posted.Channel ?? channel, threadTs);
        return posted;
    }

    private async Task NotifyRunAsync(string runId, MessageRef message, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.RunMessagePostedAsync(runId, message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SlackLog.RunNoticeFailed(log, ex, runId);
            }
        }
    }
}
