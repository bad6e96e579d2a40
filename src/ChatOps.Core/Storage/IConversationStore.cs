using ChatOps.Core.Chat;

namespace ChatOps.Core.Storage;

/// <summary>Keeps each conversation's dialog state across turns and restarts, with optimistic concurrency.</summary>
public interface IConversationStore
{
    /// <summary>The stored state, or null for a conversation never seen.</summary>
    Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state if the stored version is still <paramref name="expectedVersion"/> (0 = not stored yet); false when someone else wrote first.
    /// <paramref name="dueAt"/> is when a sweep should look at this state (a pending confirmation's expiry, or when an Executing request
    /// counts as stranded), or null when nothing is waiting on the clock.
    /// </summary>
    Task<bool> SaveAsync(ConversationKey key, string stateJson, long expectedVersion, DateTimeOffset? dueAt, CancellationToken cancellationToken);

    /// <summary>Conversations whose due time passed before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<ConversationKey>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
