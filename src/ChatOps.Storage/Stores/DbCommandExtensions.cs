using System.Data.Common;

namespace ChatOps.Storage.Stores;

/// <summary>Small provider-neutral helpers that keep the stores' SQL readable; parameters are written <c>@name</c>, which both providers bind.</summary>
internal static class DbCommandExtensions
{
    /// <summary>A command on <paramref name="connection"/> with the given text and parameters (null becomes SQL NULL).</summary>
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs a statement that changes rows and returns how many it changed.</summary>
    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query and returns the first column of its first row, or null when there is no row or the value is SQL NULL.</summary>
    public static async Task<object?> ScalarAsync(this DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
