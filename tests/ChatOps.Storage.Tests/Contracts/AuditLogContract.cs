using System.Data.Common;
using ChatOps.Core.Audit;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>What every <see cref="IAuditLog"/> must do, run once per provider by its subclasses.</summary>
public abstract class AuditLogContract : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    protected AuditLogContract(IStorageUnderTest storage)
    {
        Storage = storage;
        Log = storage.OpenReplica(_time).Audit;
    }

    protected IStorageUnderTest Storage { get; }

    protected IAuditLog Log { get; }

    protected static AuditEvent Deploy(string actor, string service, string env, string kind = AuditKinds.Execution) =>
        new(kind, actor, "T1/C1/1", "req-" + actor, "deploy", service, env, "main", "started", "grant: deployer", "plan");

    /// <summary>Runs <paramref name="sql"/> with the trigger <paramref name="trigger"/> out of the way, as the table's owner could behind the bot's back.</summary>
    protected abstract void BehindTheBotsBack(string trigger, string sql);

    [Fact]
    public async Task Rows_are_chained_from_the_genesis_hash_and_read_back_exactly()
    {
        var first = await Log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await Log.AppendAsync(Deploy("bob", "cart", "uat"), CancellationToken.None);
        Assert.Equal((1L, AuditChain.Genesis), (first.Sequence, first.PreviousHash));
        Assert.Equal((2L, first.Hash), (second.Sequence, second.PreviousHash));
        var read = await Log.QueryAsync(new AuditFilter(), CancellationToken.None);
        Assert.Equal([second, first], read);
        Assert.True((await Log.VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Null_fields_stay_null_and_the_stored_hash_is_the_shared_chains()
    {
        var entry = await Log.AppendAsync(new AuditEvent(AuditKinds.Refusal, "system", "/api/commands", Detail: "unknown token"), CancellationToken.None);
        var read = Assert.Single(await Log.QueryAsync(new AuditFilter(), CancellationToken.None));
        Assert.Equal(entry, read);
        Assert.Equal((null, null), (read.Event.RequestId, read.Event.Service));
        Assert.Equal(AuditChain.Hash(1, _time.GetUtcNow(), read.Event, AuditChain.Genesis), Storage.Scalar("SELECT hash FROM audit"));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), Storage.Scalar("SELECT at FROM audit"));
    }

    [Fact]
    public async Task Filters_combine_and_a_service_matches_inside_a_list_of_services()
    {
        await Log.AppendAsync(Deploy("alice", "checkout,cart", "prod"), CancellationToken.None);
        await Log.AppendAsync(Deploy("alice", "checkout", "uat"), CancellationToken.None);
        await Log.AppendAsync(Deploy("bob", "checkout", "prod", AuditKinds.Decision), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        await Log.AppendAsync(Deploy("carol", "cart_x", "prod"), CancellationToken.None);
        var cartInProd = await Log.QueryAsync(new AuditFilter { Service = "cart", Environment = "prod" }, CancellationToken.None);
        Assert.Equal("alice", Assert.Single(cartInProd).Event.Actor);
        var executions = await Log.QueryAsync(new AuditFilter { Kind = AuditKinds.Execution, Since = _time.GetUtcNow().AddHours(-1) }, CancellationToken.None);
        Assert.Equal("carol", Assert.Single(executions).Event.Actor);
        Assert.Equal(2, (await Log.QueryAsync(new AuditFilter { Actor = "alice", Limit = 5 }, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Until_request_and_intent_narrow_the_rows_and_the_limit_keeps_the_newest()
    {
        await Log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var cutoff = _time.GetUtcNow();
        await Log.AppendAsync(Deploy("bob", "checkout", "prod"), CancellationToken.None);
        await Log.AppendAsync(Deploy("bob", "checkout", "prod") with { Intent = "rollback" }, CancellationToken.None);
        Assert.Equal("alice", Assert.Single(await Log.QueryAsync(new AuditFilter { Until = cutoff }, CancellationToken.None)).Event.Actor);
        Assert.Equal([3L, 2L], (await Log.QueryAsync(new AuditFilter { RequestId = "req-bob" }, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal(2L, Assert.Single(await Log.QueryAsync(new AuditFilter { RequestId = "req-bob", Intent = "deploy" }, CancellationToken.None)).Sequence);
        Assert.Equal(3L, Assert.Single(await Log.QueryAsync(new AuditFilter { Limit = 1 }, CancellationToken.None)).Sequence);
        Assert.Equal(3L, Assert.Single(await Log.QueryAsync(new AuditFilter { Limit = 0 }, CancellationToken.None)).Sequence);
    }

    [Fact]
    public async Task A_service_matches_in_any_ascii_case_and_like_wildcards_match_only_themselves()
    {
        await Log.AppendAsync(Deploy("alice", "checkout,cart", "prod"), CancellationToken.None);
        await Log.AppendAsync(Deploy("bob", "cart_x", "prod"), CancellationToken.None);
        Assert.Equal("alice", Assert.Single(await Log.QueryAsync(new AuditFilter { Service = "Checkout" }, CancellationToken.None)).Event.Actor);
        Assert.Equal("bob", Assert.Single(await Log.QueryAsync(new AuditFilter { Service = "cart_x" }, CancellationToken.None)).Event.Actor);
        Assert.Empty(await Log.QueryAsync(new AuditFilter { Service = "cart%" }, CancellationToken.None));
    }

    [Fact]
    public async Task The_table_refuses_updates_and_deletes()
    {
        await Log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        Assert.Contains("append-only", Assert.ThrowsAny<DbException>(() => Storage.Scalar("UPDATE audit SET actor = 'mallory'")).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.ThrowsAny<DbException>(() => Storage.Scalar("DELETE FROM audit")).Message, StringComparison.Ordinal);
        Assert.Equal("alice", Storage.Scalar("SELECT actor FROM audit"));
    }

    [Fact]
    public async Task A_row_changed_behind_the_applications_back_breaks_the_chain_at_that_row()
    {
        for (var i = 0; i < 5; i++) await Log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        BehindTheBotsBack("audit_no_update", "UPDATE audit SET actor = 'mallory' WHERE seq = 3");

        var verification = await Log.VerifyAsync(CancellationToken.None);
        Assert.Equal((false, 3L, 2L), (verification.Intact, verification.BrokenAt, verification.RowsChecked));
        Assert.Contains("was changed", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_row_shows_as_a_gap()
    {
        for (var i = 0; i < 4; i++) await Log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        BehindTheBotsBack("audit_no_delete", "DELETE FROM audit WHERE seq = 2");

        Assert.Equal(3L, (await Log.VerifyAsync(CancellationToken.None)).BrokenAt);
    }

    [Fact]
    public async Task Parallel_appends_from_two_database_instances_make_one_gapless_chain()
    {
        // why: two database objects (two pools) on one database stand in for two replicas.
        var logs = new[] { Storage.OpenReplica(TimeProvider.System).Audit, Storage.OpenReplica(TimeProvider.System).Audit };
        var appended = await Race.RunAsync(60, i => logs[i % 2].AppendAsync(Deploy("u" + i, "checkout", "prod"), CancellationToken.None));
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), appended.Select(a => a.Sequence).Order());
        Assert.Equal(60, appended.Select(a => a.PreviousHash).Distinct().Count());
        var verification = await logs[0].VerifyAsync(CancellationToken.None);
        Assert.Equal((true, 60L), (verification.Intact, verification.RowsChecked));
        Assert.Equal(60L, Convert.ToInt64(Storage.Scalar("SELECT count(*) FROM audit"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_turns_rows_appended_together_stay_consecutive_while_another_replica_appends()
    {
        var logs = new[] { Storage.OpenReplica(TimeProvider.System).Audit, Storage.OpenReplica(TimeProvider.System).Audit };
        var batches = await Race.RunAsync(20, i => logs[i % 2].AppendAllAsync(
            [Deploy("u" + i, "checkout", "prod"), Deploy("u" + i, "cart", "uat"), Deploy("u" + i, "orders", "prod")], CancellationToken.None));
        Assert.All(batches, b =>
        {
            Assert.Equal(3, b.Count);
            Assert.Equal([b[0].Sequence, b[0].Sequence + 1, b[0].Sequence + 2], b.Select(r => r.Sequence));
            Assert.Equal(b[0].Hash, b[1].PreviousHash);
            Assert.Equal(["checkout", "cart", "orders"], b.Select(r => r.Event.Service));
        });
        Assert.Equal(60, batches.SelectMany(b => b).Select(r => r.Sequence).Distinct().Count());
        Assert.Equal((true, 60L), ((await logs[0].VerifyAsync(CancellationToken.None)).Intact, (await logs[0].VerifyAsync(CancellationToken.None)).RowsChecked));
        Assert.Empty(await Log.AppendAllAsync([], CancellationToken.None));
    }

    public void Dispose()
    {
        Storage.Dispose();
        GC.SuppressFinalize(this);
    }
}
