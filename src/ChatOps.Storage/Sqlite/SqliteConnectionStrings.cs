using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>Turns "a path or a connection string" into a pooled, file-backed SQLite connection string.</summary>
internal static class SqliteConnectionStrings
{
    /// <summary>The normalized connection string; throws for in-memory databases, which vanish between per-operation connections.</summary>
    public static string Normalize(string connectionStringOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringOrPath);
        var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            throw new ArgumentException("SQLite storage needs a database file (e.g. 'data/chatops.db'): an in-memory database is lost between connections.", nameof(connectionStringOrPath));
        return builder.ToString();
    }

    /// <summary>The database file the connection string points at.</summary>
    public static string FilePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>The busy timeout in milliseconds: the connection string's "Default Timeout" (30 s unless set).</summary>
    public static int BusyTimeoutMilliseconds(string connectionString) =>
        checked(new SqliteConnectionStringBuilder(connectionString).DefaultTimeout * 1000);
}
