using System.Collections.Concurrent;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;

namespace ChatOps.Dialog.Tests.Fakes;

public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, string?> _claims = new();

    public Task<bool> TryClaimAsync(IdempotencyKey key, string owner, CancellationToken cancellationToken) => Task.FromResult(_claims.TryAdd(key.Value, null));

    public Task CompleteAsync(IdempotencyKey key, string outcome, CancellationToken cancellationToken)
    {
        _claims[key.Value] = outcome;
        return Task.CompletedTask;
    }

    public Task<string?> GetOutcomeAsync(IdempotencyKey key, CancellationToken cancellationToken) => Task.FromResult(_claims.GetValueOrDefault(key.Value));
}
