using ChatOps.Core.Chat;
using ChatOps.Core.Storage;
using ChatOps.Storage.Migrations;
using ChatOps.Storage.Postgres;
using ChatOps.Storage.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresServer server) : IDisposable
{
    private readonly PostgresUnderTest _db = new(server);

    [Fact]
    public async Task A_fresh_database_gets_every_migration_once()
    {
        var database = _db.OpenDatabase();

        var first = await database.MigrateAsync(CancellationToken.None);
        var second = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationCatalog.Postgres.Count, first);
        Assert.Equal(0, second);
        Assert.Equal((long)MigrationCatalog.Postgres.Count, _db.Scalar("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Replicas_migrating_at_the_same_moment_apply_each_migration_exactly_once()
    {
        var replicas = Enumerable.Range(0, 6).Select(_ => _db.OpenDatabase()).ToArray();

        var applied = await Race.RunAsync(replicas.Length, i => replicas[i].MigrateAsync(CancellationToken.None));

        Assert.Equal(MigrationCatalog.Postgres.Count, applied.Sum());
        Assert.Equal(MigrationCatalog.Postgres.Count, applied.Max());
        Assert.Equal((long)MigrationCatalog.Postgres.Count, _db.Scalar("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(0L, _db.Scalar($"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = {PostgresMigrator.LockKey & 0xFFFFFFFF}"));
    }

    [Fact]
    public async Task Reopening_keeps_the_data_and_does_not_reapply_migrations()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var key = new ConversationKey("T1", "C7", "1718000000.000100");
        await using (var before = new PostgresDatabase(_db.ConnectionString, time))
            await new SqlConversationStore(before, time).SaveAsync(key, """{"State":"Done"}""", 0, null, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1));

        var after = _db.OpenDatabase(time);
        var applied = await after.MigrateAsync(CancellationToken.None);
        var loaded = await new SqlConversationStore(after, time).LoadAsync(key, CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.Equal(new StoredConversation("""{"State":"Done"}""", 1), loaded);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), _db.Scalar("SELECT max(applied_at) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_database_from_a_newer_chatops_is_refused_with_what_to_do()
    {
        await _db.OpenDatabase().MigrateAsync(CancellationToken.None);
        _db.Scalar("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.OpenDatabase().OpenConnectionAsync(CancellationToken.None));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {MigrationCatalog.Postgres.Count}", error.Message, StringComparison.Ordinal);
        Assert.Contains("run that newer version", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore a backup", error.Message, StringComparison.Ordinal);
        Assert.Contains(_db.Database, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_where_and_what_to_check_but_not_the_password()
    {
        var port = server.Port == 65535 ? 65534 : server.Port + 1;
        await using var database = new PostgresDatabase($"Host=127.0.0.1;Port={port};Database=chatops;Username=u;Password=s3cret;Timeout=2", TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.MigrateAsync(CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}/chatops", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Postgres", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database=chatops;Username=u")]
    [InlineData("Host=db;NoSuchKey=1")]
    public void A_connection_string_without_a_server_or_with_an_unknown_key_is_refused(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresDatabase(connectionString, TimeProvider.System));

        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_names_host_port_and_database_only()
    {
        using var database = new PostgresDatabase("Host=db.internal;Port=6432;Database=chatops;Username=bot;Password=s3cret", TimeProvider.System);

        Assert.Equal("db.internal:6432/chatops", database.Description);
    }

    public void Dispose() => _db.Dispose();
}
