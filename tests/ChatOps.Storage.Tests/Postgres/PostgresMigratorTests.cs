using ChatOps.Storage.Migrations;
using ChatOps.Storage.Postgres;
using Npgsql;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigratorTests(PostgresServer server) : IDisposable
{
    private readonly PostgresUnderTest _db = new(server);

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_the_earlier_ones_stay()
    {
        await using var connection = _db.OpenRaw();
        var broken = new[]
        {
            new Migration(1, "001_a", "CREATE TABLE a (x INTEGER);"),
            new Migration(2, "002_b", "CREATE TABLE b (x INTEGER); THIS IS NOT SQL;"),
        };

        await Assert.ThrowsAsync<PostgresException>(() => PostgresMigrator.ApplyAsync(connection, broken, TimeProvider.System, CancellationToken.None));

        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'a'"));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'b'"));
        Assert.Equal(1, _db.Scalar("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
    }

    [Fact]
    public async Task After_a_fix_only_the_missing_migration_is_applied()
    {
        await using var connection = _db.OpenRaw();
        var first = new Migration(1, "001_a", "CREATE TABLE a (x INTEGER);");
        await PostgresMigrator.ApplyAsync(connection, [first], TimeProvider.System, CancellationToken.None);

        var applied = await PostgresMigrator.ApplyAsync(connection, [first, new Migration(2, "002_b", "CREATE TABLE b (x INTEGER);")], TimeProvider.System, CancellationToken.None);

        Assert.Equal(1, applied);
        Assert.Equal(2L, _db.Scalar("SELECT count(*) FROM schema_migrations"));
    }

    public void Dispose() => _db.Dispose();
}
