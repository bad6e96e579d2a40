using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteRunStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _file = new();
    private readonly SqliteRunStore _store;

    public SqliteRunStoreTests() => _store = new SqliteRunStore(_file.Open());

    [Fact]
    public async Task A_run_round_trips_every_field_including_the_json_columns()
    {
        var run = Run("r1") with
        {
            Message = new MessageRef("C7", "1718000000.000200", "1718000000.000100"),
            WebUrl = "https://gitlab.example.com/shop/checkout/-/pipelines/90211",
            Status = RunStatus.Running,
            History = [new(RunStatus.Queued, T0, "start"), new(RunStatus.Running, T0.AddSeconds(5), "hook", "job build running")],
            CallbackToken = "tok-123",
            UpdatedAt = T0.AddSeconds(5),
        };

        Assert.True(await _store.AddAsync(run, CancellationToken.None));
        var read = await _store.GetAsync("r1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(run with { History = [] }, read with { History = [] });
        Assert.Equal(run.History, read.History);
        using var raw = _file.OpenRaw();
        Assert.Equal("running", TempDatabase.Scalar(raw, "SELECT status FROM runs"));
        Assert.Contains("\"status\":\"queued\"", (string)TempDatabase.Scalar(raw, "SELECT history FROM runs")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_existing_id_is_refused_and_keeps_the_first()
    {
        Assert.True(await _store.AddAsync(Run("r1"), CancellationToken.None));
        Assert.False(await _store.AddAsync(Run("r1") with { Summary = "other" }, CancellationToken.None));

        Assert.Equal("deploy checkout to uat", (await _store.GetAsync("r1", CancellationToken.None))!.Summary);
        Assert.Null(await _store.GetAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task An_update_wins_only_on_the_stored_version_and_bumps_it()
    {
        await _store.AddAsync(Run("r1") with { Version = 7 }, CancellationToken.None);
        var stored = (await _store.GetAsync("r1", CancellationToken.None))!;
        Assert.Equal(1, stored.Version);

        Assert.True(await _store.UpdateAsync(stored with { Status = RunStatus.Running }, CancellationToken.None));
        Assert.False(await _store.UpdateAsync(stored with { Status = RunStatus.Failed }, CancellationToken.None));

        var after = (await _store.GetAsync("r1", CancellationToken.None))!;
        Assert.Equal((RunStatus.Running, 2L), (after.Status, after.Version));
    }

    [Fact]
    public async Task Fifty_parallel_updates_from_one_version_have_exactly_one_winner()
    {
        await _store.AddAsync(Run("r1"), CancellationToken.None);
        var stored = (await _store.GetAsync("r1", CancellationToken.None))!;
        var other = new SqliteRunStore(_file.Open());

        var wins = await Race.RunAsync(50, i => (i % 2 == 0 ? _store : other)
            .UpdateAsync(stored with { Summary = $"writer {i}" }, CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, 50), i => wins[i]);
        Assert.Equal($"writer {winner}", (await _store.GetAsync("r1", CancellationToken.None))!.Summary);
    }

    [Fact]
    public async Task A_backend_id_finds_its_newest_run_and_an_unknown_one_finds_nothing()
    {
        await _store.AddAsync(Run("first") with { Status = RunStatus.Failed }, CancellationToken.None);
        await _store.AddAsync(Run("retry") with { CreatedAt = T0.AddMinutes(5) }, CancellationToken.None);
        await _store.AddAsync(Run("zadig") with { Backend = "zadig", BackendRunId = "4711:90211" }, CancellationToken.None);

        Assert.Equal("retry", (await _store.FindByBackendAsync("gitlab", "4711:90211", CancellationToken.None))?.Id);
        Assert.Equal("zadig", (await _store.FindByBackendAsync("zadig", "4711:90211", CancellationToken.None))?.Id);
        Assert.Null(await _store.FindByBackendAsync("gitlab", "4711:1", CancellationToken.None));
    }

    [Fact]
    public async Task Active_runs_are_the_queued_and_running_ones_oldest_first_and_recent_is_newest_first()
    {
        var statuses = new[] { RunStatus.Running, RunStatus.Passed, RunStatus.Queued, RunStatus.Failed, RunStatus.Canceled, RunStatus.Running };
        for (var i = 0; i < statuses.Length; i++)
            await _store.AddAsync(Run($"r{i}") with { Status = statuses[i], CreatedAt = T0.AddMinutes(i), BackendRunId = $"1:{i}" }, CancellationToken.None);

        Assert.Equal(["r0", "r2", "r5"], (await _store.ListActiveAsync(CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["r5", "r4", "r3"], (await _store.ListRecentAsync(3, CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(await _store.ListRecentAsync(0, CancellationToken.None));
    }

    [Fact]
    public async Task Lookups_by_backend_id_and_by_status_use_their_indexes()
    {
        await _store.AddAsync(Run("r1"), CancellationToken.None);
        using var raw = _file.OpenRaw();

        Assert.Contains("ix_runs_backend", Plan(raw, "SELECT id FROM runs WHERE backend = 'gitlab' AND backend_run_id = '1:2'"), StringComparison.Ordinal);
        Assert.Contains("ix_runs_status", Plan(raw, "SELECT id FROM runs WHERE status IN ('queued', 'running')"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteStorage_registers_the_run_store_on_the_shared_database()
    {
        await using var provider = new ServiceCollection().AddSqliteStorage(_file.FilePath).BuildServiceProvider();
        var store = provider.GetRequiredService<IRunStore>();

        Assert.IsType<SqliteRunStore>(store);
        Assert.True(await store.AddAsync(Run("r1"), CancellationToken.None));
        Assert.NotNull(await _store.GetAsync("r1", CancellationToken.None));
    }

    public void Dispose() => _file.Dispose();

    private static RunRecord Run(string id) => new()
    {
        Id = id,
        Backend = "gitlab",
        BackendRunId = "4711:90211",
        RequestedBy = "U42",
        Summary = "deploy checkout to uat",
        Conversation = new ConversationKey("T1", "C7", "1718000000.000100"),
        Status = RunStatus.Queued,
        History = [new(RunStatus.Queued, T0, "start")],
        CreatedAt = T0,
        UpdatedAt = T0,
        Version = 1,
    };

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
