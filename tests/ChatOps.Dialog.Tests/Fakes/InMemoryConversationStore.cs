using ChatOps.Core.Chat;
using ChatOps.Core.Storage;

namespace ChatOps.Dialog.Tests.Fakes;

/// <summary>A conversation store in memory with the same optimistic-concurrency contract as the SQLite one.</summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly Dictionary<string, (ConversationKey Key, StoredConversation Row, DateTimeOffset? Expires)> _rows = [];
    private readonly Lock _lock = new();

    public Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_rows.TryGetValue(key.ToString(), out var r) ? r.Row : null);
    }

    public Task<bool> SaveAsync(ConversationKey key, string stateJson, long expectedVersion, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var current = _rows.TryGetValue(key.ToString(), out var r) ? r.Row.Version : 0;
            if (current != expectedVersion) return Task.FromResult(false);
            _rows[key.ToString()] = (key, new StoredConversation(stateJson, current + 1), expiresAt);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ConversationKey>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<ConversationKey>>(_rows.Values.Where(r => r.Expires < now).Select(r => r.Key).ToList());
    }
}
