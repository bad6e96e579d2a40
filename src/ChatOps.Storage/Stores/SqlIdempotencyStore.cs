using ChatOps.Core.Execution;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Stores;

/// <summary>
/// Idempotency claims in the <c>claims</c> table of either database; a claim is one <c>INSERT … ON CONFLICT DO NOTHING</c>,
/// so exactly one thread, process or replica wins a key.
/// </summary>
public sealed class SqlIdempotencyStore(IStorageDatabase database, TimeProvider timeProvider) : IIdempotencyStore
{
    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(IdempotencyKey key, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.Value, nameof(key));
        ArgumentNullException.ThrowIfNull(owner);
        await using var connection = await database.OpenAsync(cancellationToken);
        // why: the primary key decides; a concurrent inserter of the same key waits for the first to commit and then inserts nothing.
        var inserted = await connection.ExecuteAsync(
            "INSERT INTO claims (key, owner, claimed_at) VALUES (@key, @owner, @now) ON CONFLICT (key) DO NOTHING",
            cancellationToken,
            ("@key", key.Value), ("@owner", owner), ("@now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
        return inserted == 1;
    }

    /// <summary>Records (or overwrites) the outcome of a claimed key; throws <see cref="InvalidOperationException"/> when the key was never claimed.</summary>
    public async Task CompleteAsync(IdempotencyKey key, string outcome, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.Value, nameof(key));
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await database.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(
            "UPDATE claims SET outcome = @outcome, completed_at = @now WHERE key = @key",
            cancellationToken,
            ("@key", key.Value), ("@outcome", outcome), ("@now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
        if (updated == 0)
            throw new InvalidOperationException($"Idempotency key '{key}' was never claimed, so it cannot be completed: claim it first.");
    }

    /// <inheritdoc />
    public async Task<string?> GetOutcomeAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key.Value, nameof(key));
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync("SELECT outcome FROM claims WHERE key = @key", cancellationToken, ("@key", key.Value)) as string;
    }
}
