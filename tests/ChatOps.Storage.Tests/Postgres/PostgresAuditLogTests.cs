using ChatOps.Core.Storage;
using ChatOps.Storage.Postgres;
using ChatOps.Storage.Tests.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditLogTests(PostgresServer server) : AuditLogContract(new PostgresUnderTest(server))
{
    private PostgresUnderTest Postgres => (PostgresUnderTest)Storage;

    protected override void BehindTheBotsBack(string trigger, string sql)
    {
        // why: only the table's owner may switch a trigger off; the test server's user owns the table, as the bot's role would
        using var connection = Postgres.OpenRaw();
        using var transaction = connection.BeginTransaction();
        foreach (var statement in new[] { $"ALTER TABLE audit DISABLE TRIGGER {trigger}", sql, $"ALTER TABLE audit ENABLE TRIGGER {trigger}" })
        {
            using var command = new NpgsqlCommand(statement, connection, transaction);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    [Fact]
    public async Task Truncate_is_refused_and_a_switched_off_trigger_is_back_on_afterwards()
    {
        for (var i = 0; i < 3; i++) await Log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        BehindTheBotsBack("audit_no_update", "UPDATE audit SET detail = 'edited' WHERE seq = 2");

        var truncate = Assert.Throws<PostgresException>(() => Postgres.Scalar("TRUNCATE audit"));
        Assert.Contains("append-only (TRUNCATE refused)", truncate.MessageText, StringComparison.Ordinal);
        var update = Assert.Throws<PostgresException>(() => Postgres.Scalar("UPDATE audit SET detail = 'again' WHERE seq = 3"));
        Assert.Contains("append-only (UPDATE refused)", update.MessageText, StringComparison.Ordinal);
        Assert.Equal(3L, Postgres.Scalar("SELECT count(*) FROM audit"));
        Assert.Equal(2L, (await Log.VerifyAsync(CancellationToken.None)).BrokenAt);
    }

    [Fact]
    public async Task An_append_waits_while_another_replica_holds_the_append_lock()
    {
        await Log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        using var holder = Postgres.OpenRaw();
        using var transaction = holder.BeginTransaction();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", holder, transaction))
        {
            take.Parameters.AddWithValue("key", PostgresAuditLog.AppendLockKey);
            take.ExecuteNonQuery();
        }

        var waiting = Log.AppendAsync(Deploy("bob", "checkout", "prod"), CancellationToken.None);
        await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.False(waiting.IsCompleted);
        transaction.Commit();

        var appended = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2L, appended.Sequence);
    }

    [Fact]
    public async Task Time_and_request_filters_can_use_their_indexes()
    {
        await Log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);

        Assert.Contains("ix_audit_at", Postgres.Plan("SELECT seq FROM audit WHERE at >= 0"), StringComparison.Ordinal);
        Assert.Contains("ix_audit_request", Postgres.Plan("SELECT seq FROM audit WHERE request_id = 'req-alice'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPostgresStorage_registers_the_audit_log_on_the_shared_database()
    {
        await using var provider = new ServiceCollection().AddPostgresStorage(Postgres.ConnectionString).BuildServiceProvider();
        var log = provider.GetRequiredService<IAuditLog>();

        Assert.IsType<PostgresAuditLog>(log);
        await log.AppendAsync(Deploy("alice", "checkout", "prod"), CancellationToken.None);
        var verification = await Log.VerifyAsync(CancellationToken.None);
        Assert.Equal((true, 1L), (verification.Intact, verification.RowsChecked));
    }
}
