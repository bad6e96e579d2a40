using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>Small helpers that keep the PostgreSQL stores' SQL readable.</summary>
internal static class PostgresCommandExtensions
{
    /// <summary>A command with the given text and parameters; a name may be written <c>$x</c> (as the SQLite stores do) and binds <c>@x</c>.</summary>
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name.TrimStart('$'), value ?? DBNull.Value);
        return command;
    }

    /// <summary>Runs a statement that changes rows and returns how many it changed.</summary>
    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
