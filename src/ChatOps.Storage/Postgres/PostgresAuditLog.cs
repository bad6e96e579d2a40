using ChatOps.Core.Audit;
using ChatOps.Core.Storage;
using ChatOps.Storage.Stores;

namespace ChatOps.Storage.Postgres;

/// <summary>
/// The audit trail in the <c>audit</c> table: an append takes the transaction-scoped advisory lock <see cref="AppendLockKey"/>, reads the
/// last row and inserts the next in one transaction, so two replicas cannot both extend the chain from the same row. Triggers refuse
/// UPDATE, DELETE and TRUNCATE.
/// </summary>
public sealed class PostgresAuditLog(PostgresDatabase database, TimeProvider time) : IAuditLog
{
    /// <summary>The advisory lock every replica's append holds until it commits: "ChatAudt" as a 64-bit key.</summary>
    public const long AppendLockKey = 0x4368617441756474;

    /// <inheritdoc />
    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return (await AppendAllAsync([auditEvent], cancellationToken))[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> AppendAllAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvents);
        if (auditEvents.Count == 0) return [];
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // why: the lock is released only after the commit is visible, so the next holder's read (a fresh READ COMMITTED snapshot) sees this row
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", AppendLockKey));
        var at = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var entries = await AuditStatements.ExtendChainAsync(connection, transaction, auditEvents, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entries;
    }

    /// <inheritdoc />
    // why: ILIKE, because SQLite's LIKE ignores ASCII case and both providers must match the same rows
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        await AuditStatements.QueryAsync(database, filter, "ILIKE", cancellationToken);

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => AuditStatements.VerifyAsync(database, cancellationToken);
}
