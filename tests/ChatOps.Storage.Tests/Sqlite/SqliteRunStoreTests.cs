using ChatOps.Core.Storage;
using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteRunStoreTests : RunStoreContract
{
    private readonly SqliteUnderTest _sqlite;

    public SqliteRunStoreTests()
        : this(new SqliteUnderTest())
    {
    }

    private SqliteRunStoreTests(SqliteUnderTest sqlite)
        : base(sqlite) => _sqlite = sqlite;

    [Fact]
    public async Task Lookups_by_backend_id_and_by_status_use_their_indexes()
    {
        await Store.AddAsync(Run("r1"), CancellationToken.None);
        using var raw = _sqlite.File.OpenRaw();

        Assert.Contains("ix_runs_backend", Plan(raw, "SELECT id FROM runs WHERE backend = 'gitlab' AND backend_run_id = '1:2'"), StringComparison.Ordinal);
        Assert.Contains("ix_runs_status", Plan(raw, "SELECT id FROM runs WHERE status IN ('queued', 'running')"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteStorage_registers_the_run_store_on_the_shared_database()
    {
        await using var provider = new ServiceCollection().AddSqliteStorage(_sqlite.File.FilePath).BuildServiceProvider();
        var store = provider.GetRequiredService<IRunStore>();

        Assert.IsType<SqlRunStore>(store);
        Assert.True(await store.AddAsync(Run("r1"), CancellationToken.None));
        Assert.NotNull(await Store.GetAsync("r1", CancellationToken.None));
    }

    private static string Plan(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
            lines.Add(reader.GetString(3));
        return string.Join('\n', lines);
    }
}
