using ChatOps.Core.Audit;
using ChatOps.Core.Storage;

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
            AuditEntry? last;
            await using (var read = connection.Command(AuditRows.LastSql))
            {
                read.Transaction = transaction;
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                last = await reader.ReadAsync(cancellationToken) ? AuditRows.Read(reader) : null;
            }

            var at = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
            var entries = new List<AuditEntry>(auditEvents.Count);
            foreach (var auditEvent in auditEvents)
            {
                var entry = AuditChain.Next(last, at, auditEvent);
                await using (var insert = connection.Command(AuditRows.InsertSql('$'), AuditRows.Parameters(entry)))
                {
                    insert.Transaction = transaction;
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                entries.Add(last = entry);
            }

            await transaction.CommitAsync(cancellationToken);
            return entries;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var (sql, parameters) = AuditQuery.Build(filter, '$', "LIKE");
        return await ReadAsync(sql, cancellationToken, parameters);
    }

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) =>
        AuditChain.Verify(await ReadAsync(AuditRows.ChainSql, cancellationToken));

    private async Task<List<AuditEntry>> ReadAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(AuditRows.Read(reader));
        return rows;
    }
}
