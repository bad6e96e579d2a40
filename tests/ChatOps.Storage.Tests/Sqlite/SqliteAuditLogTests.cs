using ChatOps.Core.Audit;
using ChatOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteAuditLogTests : IDisposable
{
    private readonly TempDatabase _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    private static AuditEvent Deploy(string actor, string service, string env, string kind = AuditKinds.Execution) =>
        new(kind, actor, "T1/C1/1", "req-" + actor, "deploy", service, env, "main", "started", "grant: deployer", "plan");

    [Fact]
    public async Task Rows_are_chained_from_the_genesis_hash_and_read_back_exactly()
    {
        var log = new SqliteAuditLog(_file.Open(_time), _time);
        var first = await log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await log.AppendAsync(Deploy("bob", "cart", "uat"), CancellationToken.None);
        Assert.Equal((1L, AuditChain.Genesis), (first.Sequence, first.PreviousHash));
        Assert.Equal((2L, first.Hash), (second.Sequence, second.PreviousHash));
        var read = await log.QueryAsync(new AuditFilter(), CancellationToken.None);
        Assert.Equal([second, first], read);
        Assert.True((await log.VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Filters_combine_and_a_service_matches_inside_a_list_of_services()
    {
        var log = new SqliteAuditLog(_file.Open(_time), _time);
        await log.AppendAsync(Deploy("alice", "checkout,cart", "prod"), CancellationToken.None);
        await log.AppendAsync(Deploy("alice", "checkout", "uat"), CancellationToken.None);
        await log.AppendAsync(Deploy("bob", "checkout", "prod", AuditKinds.Decision), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        await log.AppendAsync(Deploy("carol", "cart_x", "prod"), CancellationToken.None);
        var cartInProd = await log.QueryAsync(new AuditFilter { Service = "cart", Environment = "prod" }, CancellationToken.None);
        Assert.Equal("alice", Assert.Single(cartInProd).Event.Actor);
        var executions = await log.QueryAsync(new AuditFilter { Kind = AuditKinds.Execution, Since = _time.GetUtcNow().AddHours(-1) }, CancellationToken.None);
        Assert.Equal("carol", Assert.Single(executions).Event.Actor);
        Assert.Equal(2, (await log.QueryAsync(new AuditFilter { Actor = "alice", Limit = 5 }, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task The_table_refuses_updates_and_deletes()
    {
        var log = new SqliteAuditLog(_file.Open(_time), _time);
        await log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        using var raw = _file.OpenRaw();
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => TempDatabase.Scalar(raw, "UPDATE audit SET actor = 'mallory'")).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => TempDatabase.Scalar(raw, "DELETE FROM audit")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_changed_behind_the_applications_back_breaks_the_chain_at_that_row()
    {
        var log = new SqliteAuditLog(_file.Open(_time), _time);
        for (var i = 0; i < 5; i++) await log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        using (var raw = _file.OpenRaw())
        {
            TempDatabase.Scalar(raw, "DROP TRIGGER audit_no_update");
            TempDatabase.Scalar(raw, "UPDATE audit SET actor = 'mallory' WHERE seq = 3");
        }

        var verification = await log.VerifyAsync(CancellationToken.None);
        Assert.Equal((false, 3L, 2L), (verification.Intact, verification.BrokenAt, verification.RowsChecked));
        Assert.Contains("was changed", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_row_shows_as_a_gap()
    {
        var log = new SqliteAuditLog(_file.Open(_time), _time);
        for (var i = 0; i < 4; i++) await log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        using (var raw = _file.OpenRaw())
        {
            TempDatabase.Scalar(raw, "DROP TRIGGER audit_no_delete");
            TempDatabase.Scalar(raw, "DELETE FROM audit WHERE seq = 2");
        }

        Assert.Equal(3L, (await log.VerifyAsync(CancellationToken.None)).BrokenAt);
    }

    [Fact]
    public async Task Parallel_appends_from_two_database_instances_make_one_gapless_chain()
    {
        var logs = new[] { new SqliteAuditLog(_file.Open(), TimeProvider.System), new SqliteAuditLog(_file.Open(), TimeProvider.System) };
        var appended = await Race.RunAsync(60, i => logs[i % 2].AppendAsync(Deploy("u" + i, "checkout", "prod"), CancellationToken.None));
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), appended.Select(a => a.Sequence).Order());
        var verification = await logs[0].VerifyAsync(CancellationToken.None);
        Assert.Equal((true, 60L), (verification.Intact, verification.RowsChecked));
    }

    public void Dispose() => _file.Dispose();
}
