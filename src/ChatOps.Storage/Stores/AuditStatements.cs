using System.Data.Common;
using ChatOps.Core.Audit;

namespace ChatOps.Storage.Stores;

/// <summary>The audit log's SQL that is the same on SQLite and PostgreSQL: extending the chain inside a caller's locked transaction, and reading rows.</summary>
/// <remarks>What differs stays with each log: how the append is serialised (BEGIN IMMEDIATE, or an advisory lock) and how LIKE ignores case.</remarks>
internal static class AuditStatements
{
    /// <summary>Reads the last row and appends <paramref name="auditEvents"/> after it, all in <paramref name="transaction"/>, which must hold the append lock.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ExtendChainAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditEvent> auditEvents, DateTimeOffset at, CancellationToken cancellationToken)
    {
        AuditEntry? last;
        await using (var read = connection.Command(AuditRows.LastSql))
        {
            read.Transaction = transaction;
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            last = await reader.ReadAsync(cancellationToken) ? AuditRows.Read(reader) : null;
        }

        var entries = new List<AuditEntry>(auditEvents.Count);
        foreach (var auditEvent in auditEvents)
        {
            var entry = AuditChain.Next(last, at, auditEvent);
            await using var insert = connection.Command(AuditRows.InsertSql, AuditRows.Parameters(entry));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            entries.Add(last = entry);
        }

        return entries;
    }

    /// <summary>The rows matching <paramref name="filter"/>, newest first; <paramref name="like"/> is the operator that ignores ASCII case.</summary>
    public static Task<List<AuditEntry>> QueryAsync(IStorageDatabase database, AuditFilter filter, string like, CancellationToken cancellationToken)
    {
        var (sql, parameters) = AuditQuery.Build(filter, like);
        return ReadAsync(database, sql, cancellationToken, parameters);
    }

    /// <summary>Walks the whole chain from the first row.</summary>
    public static async Task<AuditVerification> VerifyAsync(IStorageDatabase database, CancellationToken cancellationToken) =>
        AuditChain.Verify(await ReadAsync(database, AuditRows.ChainSql, cancellationToken));

    private static async Task<List<AuditEntry>> ReadAsync(
        IStorageDatabase database, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(AuditRows.Read(reader));
        return rows;
    }
}
