using ChatOps.Core.Storage;
using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRunStoreTests(PostgresServer server) : RunStoreContract(new PostgresUnderTest(server))
{
    private PostgresUnderTest Postgres => (PostgresUnderTest)Storage;

    [Fact]
    public async Task Lookups_by_backend_id_and_by_status_can_use_their_indexes()
    {
        await Store.AddAsync(Run("r1"), CancellationToken.None);

        Assert.Contains("ix_runs_backend", Postgres.Plan("SELECT id FROM runs WHERE backend = 'gitlab' AND backend_run_id = '1:2'"), StringComparison.Ordinal);
        Assert.Contains("ix_runs_status", Postgres.Plan("SELECT id FROM runs WHERE status IN ('queued', 'running')"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPostgresStorage_registers_the_run_store_on_the_shared_database()
    {
        await using var provider = new ServiceCollection().AddPostgresStorage(Postgres.ConnectionString).BuildServiceProvider();
        var store = provider.GetRequiredService<IRunStore>();

        Assert.IsType<SqlRunStore>(store);
        Assert.True(await store.AddAsync(Run("r1"), CancellationToken.None));
        Assert.NotNull(await Store.GetAsync("r1", CancellationToken.None));
    }
}
