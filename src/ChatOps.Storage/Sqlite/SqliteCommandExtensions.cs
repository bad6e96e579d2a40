using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>Small helpers that keep the stores' SQL readable.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>A command on <paramref name="connection"/> with the given text and parameters (null becomes SQL NULL).</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Runs a statement that changes rows and returns how many it changed.</summary>
    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
