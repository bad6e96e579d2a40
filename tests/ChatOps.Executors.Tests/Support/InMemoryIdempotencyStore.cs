using System.Collections.Concurrent;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;

namespace ChatOps.Executors.Tests.Support;

/// <summary>A test double of the idempotency store: the first claim of a key wins, atomically.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, string> _owners = new();
    private readonly ConcurrentDictionary<string, string> _outcomes = new();

    public Task<bool> TryClaimAsync(IdempotencyKey key, string owner, CancellationToken cancellationToken) =>
        Task.FromResult(_owners.TryAdd(key.Value, owner));

    public Task CompleteAsync(IdempotencyKey key, string outcome, CancellationToken cancellationToken)
    {
        _outcomes[key.Value] = outcome;
        return Task.CompletedTask;
    }

    public Task<string?> GetOutcomeAsync(IdempotencyKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_outcomes.TryGetValue(key.Value, out var outcome) ? outcome : null);
}
