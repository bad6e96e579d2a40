using ChatOps.Storage.Postgres;
using ChatOps.Storage.Sqlite;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Storage;

/// <summary>The <c>Storage</c> configuration section, read and checked at start: which database, and where it is.</summary>
internal sealed record StorageSettings(StorageProvider Provider, string Location)
{
    /// <summary>The SQLite file used when <c>Storage:Sqlite</c> is not set.</summary>
    public const string DefaultSqlitePath = ".data/chatops.db";

    /// <summary>The settings of <paramref name="configuration"/>; throws <see cref="InvalidOperationException"/> that says which key to fix and how.</summary>
    public static StorageSettings Read(IConfiguration configuration, Func<string, string>? resolvePath)
    {
        var provider = configuration["Storage:Provider"]?.Trim();
        return provider?.ToLowerInvariant() switch
        {
            null or "" or "sqlite" => Sqlite(configuration["Storage:Sqlite"], resolvePath),
            "postgres" or "postgresql" => Postgres(configuration["Storage:Postgres"]),
            _ => throw new InvalidOperationException(
                $"Storage:Provider is '{provider}', which ChatOps does not know: set it to 'sqlite' (the default: one process, " +
                "or replicas on one machine's local disk) or 'postgres' (several replicas on one PostgreSQL database)."),
        };
    }

    private static StorageSettings Sqlite(string? value, Func<string, string>? resolvePath)
    {
        var location = string.IsNullOrWhiteSpace(value) ? DefaultSqlitePath : value.Trim();
        // why: only a plain path is resolved; a connection string ("Data Source=…") is used as written.
        if (resolvePath is not null && !location.Contains('=', StringComparison.Ordinal))
            location = resolvePath(location);
        try
        {
            return new StorageSettings(StorageProvider.Sqlite, SqliteConnectionStrings.Normalize(location));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Storage:Sqlite is '{location}', which cannot be used: {e.Message}", e);
        }
    }

    private static StorageSettings Postgres(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                "Storage:Provider is 'postgres' but Storage:Postgres is empty: set it to an Npgsql connection string such as " +
                "'Host=db.internal;Database=chatops;Username=chatops;Password=…', through the environment variable CHATOPS__Storage__Postgres " +
                "so that the password stays out of files.");
        }
        try
        {
            return new StorageSettings(StorageProvider.Postgres, PostgresConnectionStrings.Normalize(value));
        }
        catch (ArgumentException e)
        {
            // why: the value may hold a password, so the message names the key and the parser's complaint, never the value.
            throw new InvalidOperationException($"Storage:Postgres cannot be used: {e.Message}", e);
        }
    }
}
