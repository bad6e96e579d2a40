using ChatOps.Core.Execution;

namespace ChatOps.Core.Storage;

/// <summary>Atomic claims: the first caller of a key wins, every later one (any process, any replica) is refused.</summary>
public interface IIdempotencyStore
{
    /// <summary>True for exactly one caller per key, ever.</summary>
    Task<bool> TryClaimAsync(IdempotencyKey key, string owner, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a claimed key (for "what happened to request X?").</summary>
    Task CompleteAsync(IdempotencyKey key, string outcome, CancellationToken cancellationToken);

    /// <summary>The recorded outcome of a key, or null when unclaimed or still running.</summary>
    Task<string?> GetOutcomeAsync(IdempotencyKey key, CancellationToken cancellationToken);
}
