using ChatOps.Storage.Migrations;
using ChatOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteMigratorTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_the_earlier_ones_stay()
    {
        using var connection = _file.OpenRaw();
        var broken = new[]
        {
            new Migration(1, "001_a", "CREATE TABLE a (x INTEGER);"),
            new Migration(2, "002_b", "CREATE TABLE b (x INTEGER); THIS IS NOT SQL;"),
        };

        await Assert.ThrowsAsync<SqliteException>(() => SqliteMigrator.ApplyAsync(connection, broken, TimeProvider.System, CancellationToken.None));

        Assert.Equal(1L, TempDatabase.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'a'"));
        Assert.Equal(0L, TempDatabase.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'b'"));
        Assert.Equal(1L, TempDatabase.Scalar(connection, "SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task After_a_fix_only_the_missing_migration_is_applied()
    {
        using var connection = _file.OpenRaw();
        var first = new Migration(1, "001_a", "CREATE TABLE a (x INTEGER);");
        await SqliteMigrator.ApplyAsync(connection, [first], TimeProvider.System, CancellationToken.None);

        var applied = await SqliteMigrator.ApplyAsync(connection, [first, new Migration(2, "002_b", "CREATE TABLE b (x INTEGER);")], TimeProvider.System, CancellationToken.None);

        Assert.Equal(1, applied);
        Assert.Equal(2L, TempDatabase.Scalar(connection, "SELECT count(*) FROM schema_migrations"));
    }

    public void Dispose() => _file.Dispose();
}
