using ChatOps.Storage.Migrations;
using ChatOps.Storage.Stores;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>Applies numbered migrations to a SQLite database, each in its own transaction, recording them in <c>schema_migrations</c>.</summary>
internal static class SqliteMigrator
{
    /// <summary>Applies the migrations not yet recorded and returns how many it applied; refuses a database newer than <paramref name="migrations"/>.</summary>
    public static async Task<int> ApplyAsync(SqliteConnection connection, IReadOnlyList<Migration> migrations, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)",
            cancellationToken);
        var latest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        await RefuseNewerAsync(connection, latest, cancellationToken);

        var applied = 0;
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            // why: BEGIN IMMEDIATE takes the write lock before the check, so a second process starting
            // at the same moment waits here and then sees the version as already applied.
            using var transaction = connection.BeginTransaction(deferred: false);
            if (await IsAppliedAsync(connection, transaction, migration.Version, cancellationToken))
                continue;
            await Run(connection, transaction, migration.Sql, cancellationToken);
            await Run(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES ($version, $at)", cancellationToken,
                ("$version", migration.Version), ("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
            await transaction.CommitAsync(cancellationToken);
            applied++;
        }
        return applied;
    }

    private static async Task RefuseNewerAsync(SqliteConnection connection, int latest, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        var current = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database '{connection.DataSource}' has schema version {current}, but this build of ChatOps only knows versions up to {latest}. " +
                "It was written by a newer ChatOps: run that newer version (or newer), or restore a backup taken before the upgrade. " +
                "Refusing to start so that older code does not write into a schema it does not understand.");
        }
    }

    private static async Task<bool> IsAppliedAsync(SqliteConnection connection, SqliteTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT 1 FROM schema_migrations WHERE version = $version", ("$version", version));
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task Run(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
