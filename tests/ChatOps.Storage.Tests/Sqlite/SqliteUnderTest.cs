using ChatOps.Storage.Sqlite;
using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Sqlite;

/// <summary>A temporary SQLite file; each replica is another <see cref="SqliteDatabase"/> on it.</summary>
public sealed class SqliteUnderTest : IStorageUnderTest
{
    internal TempDatabase File { get; } = new();

    public string Provider => "sqlite";

    public StoreSet OpenReplica(TimeProvider timeProvider)
    {
        var database = File.Open(timeProvider);
        return new StoreSet(
            new SqlConversationStore(database, timeProvider),
            new SqlDefaultsStore(database, timeProvider),
            new SqlIdempotencyStore(database, timeProvider),
            new SqlRunStore(database),
            new SqliteAuditLog(database, timeProvider),
            new SqlInboxStore(database, timeProvider));
    }

    public object? Scalar(string sql)
    {
        using var raw = File.OpenRaw();
        return TempDatabase.Scalar(raw, sql);
    }

    public void Dispose() => File.Dispose();
}
