using ChatOps.Core.Chat;
using ChatOps.Core.Security;

namespace ChatOps.Cli.Hosting;

/// <summary>What the bot posts outside a turn (the run tracker's live messages and notes, with a failed job's log lines; the sweep's
/// replies) passes the redactor on its way to the chat, as every turn's reply does in the dialog.</summary>
public sealed class RedactingChatAdapter(IChatAdapter inner, SecretRedactor redactor) : IChatAdapter
{
    /// <inheritdoc />
    public Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken) =>
        inner.SendAsync(conversation, Redact(reply), thread, cancellationToken);

    /// <inheritdoc />
    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken) =>
        inner.UpdateAsync(message, Redact(reply), cancellationToken);

    private Reply Redact(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply with { Text = redactor.Redact(reply.Text)!, Attachment = redactor.Redact(reply.Attachment) };
    }
}
