using ChatOps.Core.Audit;
using ChatOps.Core.Storage;
using ChatOps.Storage.Stores;

namespace ChatOps.Storage.Sqlite;

/// <summary>
/// The audit trail in the <c>audit</c> table: an append reads the last row and inserts the next inside one <c>BEGIN IMMEDIATE</c>
/// transaction, so two processes cannot both extend the chain from the same row. There is no update or delete, and triggers refuse them.
/// </summary>
public sealed class SqliteAuditLog(SqliteDatabase database, TimeProvider time) : IAuditLog
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

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
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // why: IMMEDIATE takes the write lock before reading the last row, so the read and the insert cannot interleave with another writer
            using var transaction = connection.BeginTransaction(deferred: false);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
            var entries = await AuditStatements.ExtendChainAsync(connection, transaction, auditEvents, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return entries;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        await AuditStatements.QueryAsync(database, filter, "LIKE", cancellationToken);

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => AuditStatements.VerifyAsync(database, cancellationToken);
}
