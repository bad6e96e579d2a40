namespace ChatOps.Core.Chat;

/// <summary>What the bot can do in a chat outside a turn: post a message, or edit one it posted.</summary>
public interface IChatAdapter
{
    /// <summary>Posts a reply in a conversation (in <paramref name="thread"/> when given) and says where it landed.</summary>
    Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken);

    /// <summary>Replaces the content of a message the bot posted earlier.</summary>
    Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken);
}
