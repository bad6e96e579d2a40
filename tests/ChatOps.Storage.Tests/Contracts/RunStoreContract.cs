using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>What every <see cref="IRunStore"/> must do, run once per provider by its subclasses.</summary>
public abstract class RunStoreContract : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly IRunStore _store;

    protected RunStoreContract(IStorageUnderTest storage)
    {
        Storage = storage;
        _store = storage.OpenReplica(TimeProvider.System).Runs;
    }

    protected IStorageUnderTest Storage { get; }

    protected IRunStore Store => _store;

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
        Assert.Equal("running", Storage.Scalar("SELECT status FROM runs"));
        Assert.Contains("\"status\":\"queued\"", (string)Storage.Scalar("SELECT history FROM runs")!, StringComparison.Ordinal);
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
        var other = Storage.OpenReplica(TimeProvider.System).Runs;

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
    public async Task Unannounced_runs_are_those_without_a_message_created_in_the_window_oldest_first()
    {
        var message = new MessageRef("C7", "1718000000.000200", "1718000000.000100");
        await _store.AddAsync(Run("too-old") with { CreatedAt = T0.AddMinutes(-1) }, CancellationToken.None);
        await _store.AddAsync(Run("second") with { CreatedAt = T0.AddMinutes(2), Status = RunStatus.Passed }, CancellationToken.None);
        await _store.AddAsync(Run("first") with { CreatedAt = T0 }, CancellationToken.None);
        await _store.AddAsync(Run("shown") with { CreatedAt = T0.AddMinutes(1), Message = message }, CancellationToken.None);
        await _store.AddAsync(Run("too-new") with { CreatedAt = T0.AddMinutes(3) }, CancellationToken.None);

        var found = await _store.ListUnannouncedAsync(T0, T0.AddMinutes(3), CancellationToken.None);

        Assert.Equal(["first", "second"], found.Select(r => r.Id));
        var attached = found[0] with { Message = message };
        Assert.True(await _store.UpdateAsync(attached, CancellationToken.None));
        Assert.Equal(["second"], (await _store.ListUnannouncedAsync(T0, T0.AddMinutes(3), CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task Hooks_at_two_replicas_that_retry_on_a_lost_version_converge_with_no_update_lost()
    {
        await _store.AddAsync(Run("r1"), CancellationToken.None);
        var replicas = new[] { _store, Storage.OpenReplica(TimeProvider.System).Runs };
        var conflicts = 0;

        await Race.RunAsync(20, async i =>
        {
            var replica = replicas[i % 2];
            while (true)
            {
                var seen = (await replica.GetAsync("r1", CancellationToken.None))!;
                var next = seen with { History = [.. seen.History, new(RunStatus.Running, T0.AddSeconds(i + 1), $"hook {i}")], Status = RunStatus.Running };
                if (await replica.UpdateAsync(next, CancellationToken.None))
                    return i;
                Interlocked.Increment(ref conflicts);
            }
        });

        var final = (await replicas[1].GetAsync("r1", CancellationToken.None))!;
        Assert.Equal(21L, final.Version);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"hook {i}").Order(), final.History.Skip(1).Select(h => h.Source).Order());
        Assert.Equal(RunStatus.Running, final.Status);
    }

    public void Dispose()
    {
        Storage.Dispose();
        GC.SuppressFinalize(this);
    }


    protected static RunRecord Run(string id) => new()
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
}
