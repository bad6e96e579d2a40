using System.Collections.Concurrent;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;

namespace ChatOps.Adapters.Tests.Slack.Dialog;

/// <summary>The dialog's three stores in memory (same contracts as the SQLite ones), enough to run the real TurnHandler behind Slack.</summary>
public sealed class InMemoryStores : IConversationStore, IDefaultsStore, IIdempotencyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ConversationKey, (StoredConversation Row, DateTimeOffset? Expires)> _rows = [];
    private readonly ConcurrentDictionary<string, UserDefaults> _defaults = new();
    private readonly ConcurrentDictionary<string, string?> _claims = new();

    public Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_rows.TryGetValue(key, out var r) ? r.Row : null);
    }

    public Task<bool> SaveAsync(ConversationKey key, string stateJson, long expectedVersion, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var current = _rows.TryGetValue(key, out var r) ? r.Row.Version : 0;
            if (current != expectedVersion) return Task.FromResult(false);
            _rows[key] = (new StoredConversation(stateJson, current + 1), expiresAt);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ConversationKey>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<ConversationKey>>([.. _rows.Where(r => r.Value.Expires < now).Select(r => r.Key)]);
    }

    public Task<UserDefaults> GetAsync(string scope, CancellationToken cancellationToken) => Task.FromResult(_defaults.GetValueOrDefault(scope, UserDefaults.None));

    public Task SetAsync(string scope, UserDefaults defaults, CancellationToken cancellationToken)
    {
        _defaults[scope] = defaults;
        return Task.CompletedTask;
    }

    public Task<bool> TryClaimAsync(IdempotencyKey key, string owner, CancellationToken cancellationToken) => Task.FromResult(_claims.TryAdd(key.Value, null));

    public Task CompleteAsync(IdempotencyKey key, string outcome, CancellationToken cancellationToken)
    {
        _claims[key.Value] = outcome;
        return Task.CompletedTask;
    }

    public Task<string?> GetOutcomeAsync(IdempotencyKey key, CancellationToken cancellationToken) => Task.FromResult(_claims.GetValueOrDefault(key.Value));
}
