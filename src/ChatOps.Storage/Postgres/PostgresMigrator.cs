using System.Globalization;
using ChatOps.Storage.Migrations;
using ChatOps.Storage.Stores;
using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>Applies numbered migrations to a PostgreSQL database under an advisory lock, each in its own transaction, recording them in <c>schema_migrations</c>.</summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock every ChatOps process takes to migrate: "ChatOps!" in ASCII.</summary>
    public const long LockKey = 0x436861744F707321;

    /// <summary>Applies the migrations not yet recorded and returns how many it applied; refuses a database newer than <paramref name="migrations"/>.</summary>
    public static async Task<int> ApplyAsync(NpgsqlConnection connection, IReadOnlyList<Migration> migrations, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // why: a second replica starting at the same moment waits here, then finds every version recorded;
        // without the lock both could run CREATE TABLE IF NOT EXISTS at once and one would fail.
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", cancellationToken, ("key", LockKey));
        try
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)",
                cancellationToken);
            await RefuseNewerAsync(connection, migrations.Count == 0 ? 0 : migrations.Max(m => m.Version), cancellationToken);
            var applied = 0;
            foreach (var migration in migrations.OrderBy(m => m.Version))
            {
                if (await ApplyOneAsync(connection, migration, timeProvider, cancellationToken))
                    applied++;
            }
            return applied;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", LockKey));
        }
    }

    private static async Task<bool> ApplyOneAsync(NpgsqlConnection connection, Migration migration, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // why: PostgreSQL DDL is transactional, so a failing migration leaves nothing behind.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var check = connection.Command("SELECT 1 FROM schema_migrations WHERE version = @version", ("version", migration.Version)))
        {
            if (await check.ExecuteScalarAsync(cancellationToken) is not null)
                return false;
        }
        await connection.ExecuteAsync(migration.Sql, cancellationToken);
        await connection.ExecuteAsync("INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)", cancellationToken,
            ("version", migration.Version), ("at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task RefuseNewerAsync(NpgsqlConnection connection, int latest, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        var current = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database '{connection.Host}:{connection.Port}/{connection.Database}' has schema version {current}, but this build of ChatOps only knows versions up to {latest}. " +
                "It was written by a newer ChatOps: run that newer version (or newer), or restore a backup taken before the upgrade. " +
                "Refusing to start so that older code does not write into a schema it does not understand.");
        }
    }
}
