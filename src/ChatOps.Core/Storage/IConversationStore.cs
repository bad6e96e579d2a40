using ChatOps.Core.Chat;

namespace ChatOps.Core.Storage;

/// <summary>Keeps each conversation's dialog state across turns and restarts, with optimistic concurrency.</summary>
public interface IConversationStore
{
    /// <summary>The stored state, or null for a conversation never seen.</summary>
    Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state if the stored version is still <paramref name="expectedVersion"/> (0 = not stored yet); false when someone else wrote first.
    /// <paramref name="expiresAt"/> is when a pending confirmation in this state expires (for sweeps), or null when nothing is pending.
    /// </summary>
    Task<bool> SaveAsync(ConversationKey key, string stateJson, long expectedVersion, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>Conversations whose pending confirmation expired before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ConversationKey>> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
