using ChatOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests;

/// <summary>A fresh database file in the temp folder, deleted (with its -wal and -shm files) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly List<SqliteDatabase> _opened = [];

    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"chatops-storage-{Guid.NewGuid():N}.db");

    public SqliteDatabase Open(TimeProvider? timeProvider = null)
    {
        var database = new SqliteDatabase(FilePath, timeProvider ?? TimeProvider.System);
        _opened.Add(database);
        return database;
    }

    /// <summary>A plain, unpooled connection that bypasses SqliteDatabase, to look at the file as an outsider would.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        foreach (var database in _opened)
            database.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(FilePath + suffix);
    }
}
