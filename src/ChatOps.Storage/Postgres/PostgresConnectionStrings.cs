using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>Checks an Npgsql connection string and names its server without the password.</summary>
internal static class PostgresConnectionStrings
{
    /// <summary>The normalized connection string; throws <see cref="ArgumentException"/> for one that does not parse or names no host.</summary>
    public static string Normalize(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // why: a mis-split string can make part of a password look like a keyword, which the parser's message would quote.
            var detail = HoldsPassword(connectionString) ? "the parser's message is withheld because the string holds a password" : e.Message;
            throw new ArgumentException($"Not a valid Npgsql connection string ({detail}); write it as 'Host=db.internal;Database=chatops;Username=chatops;Password=…'.", nameof(connectionString));
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new ArgumentException("The PostgreSQL connection string names no server: add Host=…, e.g. 'Host=db.internal;Database=chatops;Username=chatops'.", nameof(connectionString));
        return builder.ConnectionString;
    }

    private static bool HoldsPassword(string connectionString) =>
        connectionString.Contains("password", StringComparison.OrdinalIgnoreCase) || connectionString.Contains("pwd", StringComparison.OrdinalIgnoreCase);

    /// <summary>"host:port/database", safe for logs and error messages.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
