using ChatOps.Core.Chat;
using ChatOps.Storage.Migrations;
using ChatOps.Storage.Sqlite;
using ChatOps.Storage.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task A_fresh_file_gets_every_migration_once()
    {
        var database = _file.Open();

        var first = await database.MigrateAsync(CancellationToken.None);
        var second = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationCatalog.All.Count, first);
        Assert.Equal(0, second);
        using var raw = _file.OpenRaw();
        Assert.Equal((long)MigrationCatalog.Latest, TempDatabase.Scalar(raw, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        await _file.Open().MigrateAsync(CancellationToken.None);

        using var raw = _file.OpenRaw();

        Assert.Equal("wal", TempDatabase.Scalar(raw, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Connections_wait_when_busy_sync_normally_and_enforce_foreign_keys()
    {
        using var database = new SqliteDatabase($"Data Source={_file.FilePath};Default Timeout=7", TimeProvider.System);

        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal(7000L, TempDatabase.Scalar(connection, "PRAGMA busy_timeout"));
        Assert.Equal(1L, TempDatabase.Scalar(connection, "PRAGMA synchronous"));
        Assert.Equal(1L, TempDatabase.Scalar(connection, "PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task Reopening_the_file_keeps_the_data_and_does_not_reapply_migrations()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var key = new ConversationKey("T1", "C7", "1718000000.000100");
        var before = _file.Open(time);
        await new SqlConversationStore(before, time).SaveAsync(key, """{"State":"Done"}""", 0, null, CancellationToken.None);
        before.Dispose();
        time.Advance(TimeSpan.FromDays(1));

        var after = _file.Open(time);
        var applied = await after.MigrateAsync(CancellationToken.None);
        var loaded = await new SqlConversationStore(after, time).LoadAsync(key, CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.Equal(new Core.Storage.StoredConversation("""{"State":"Done"}""", 1), loaded);
        using var raw = _file.OpenRaw();
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), TempDatabase.Scalar(raw, "SELECT max(applied_at) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_database_from_a_newer_chatops_is_refused_with_what_to_do()
    {
        await _file.Open().MigrateAsync(CancellationToken.None);
        using (var raw = _file.OpenRaw())
            TempDatabase.Scalar(raw, "INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _file.Open().OpenConnectionAsync(CancellationToken.None));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {MigrationCatalog.Latest}", error.Message, StringComparison.Ordinal);
        Assert.Contains("run that newer version", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore a backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vacuum_into_backup_taken_while_open_holds_the_committed_data()
    {
        var key = new ConversationKey("T1", "C7", "1");
        var database = _file.Open();
        await new SqlConversationStore(database, TimeProvider.System).SaveAsync(key, """{"State":"Done"}""", 0, null, CancellationToken.None);
        using var backup = new TempDatabase();

        await using (var connection = await database.OpenConnectionAsync(CancellationToken.None))
            TempDatabase.Scalar(connection, $"VACUUM INTO '{backup.FilePath}'");

        var restored = await new SqlConversationStore(backup.Open(), TimeProvider.System).LoadAsync(key, CancellationToken.None);
        Assert.Equal("""{"State":"Done"}""", restored?.StateJson);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("Data Source=chatops;Mode=Memory;Cache=Shared")]
    public void An_in_memory_database_is_refused(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteDatabase(connectionString, TimeProvider.System));

        Assert.Contains("database file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"chatops-storage-{Guid.NewGuid():N}", "data");
        var database = new SqliteDatabase(Path.Combine(folder, "chatops.db"), TimeProvider.System);
        try
        {
            await database.MigrateAsync(CancellationToken.None);

            Assert.True(File.Exists(Path.Combine(folder, "chatops.db")));
        }
        finally
        {
            database.Dispose();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    public void Dispose() => _file.Dispose();
}
