using ChatOps.Storage.Postgres;
using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Contracts;
using Npgsql;

namespace ChatOps.Storage.Tests.Postgres;

/// <summary>A fresh database on the test server; each replica is another <see cref="PostgresDatabase"/> (another pool) on it, dropped on dispose.</summary>
public sealed class PostgresUnderTest(PostgresServer server) : IStorageUnderTest
{
    private readonly List<PostgresDatabase> _opened = [];

    public string Database { get; } = server.CreateDatabase();

    public string ConnectionString => server.ConnectionString(Database);

    public string Provider => "postgres";

    public PostgresDatabase OpenDatabase(TimeProvider? timeProvider = null)
    {
        var database = new PostgresDatabase(ConnectionString, timeProvider ?? TimeProvider.System);
        lock (_opened)
            _opened.Add(database);
        return database;
    }

    public StoreSet OpenReplica(TimeProvider timeProvider)
    {
        var database = OpenDatabase(timeProvider);
        return new StoreSet(
            new SqlConversationStore(database, timeProvider),
            new SqlDefaultsStore(database, timeProvider),
            new SqlIdempotencyStore(database, timeProvider),
            new SqlRunStore(database),
            new PostgresAuditLog(database, timeProvider),
            new SqlInboxStore(database, timeProvider));
    }

    public object? Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>The query plan of <paramref name="sql"/> with sequential scans discouraged, so a usable index shows up even on a tiny table.</summary>
    public string Plan(string sql)
    {
        using var connection = OpenRaw();
        using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
            off.ExecuteNonQuery();
        using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        using var reader = explain.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
            lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }

    /// <summary>An unpooled connection that bypasses the stores.</summary>
    public NpgsqlConnection OpenRaw()
    {
        var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        foreach (var database in _opened)
            database.Dispose();
        server.DropDatabase(Database);
    }
}
