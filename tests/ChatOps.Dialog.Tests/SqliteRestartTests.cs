using ChatOps.Core.Chat;
using ChatOps.Dialog.Tests.Fakes;
using ChatOps.Language;
using ChatOps.Language.Model;
using ChatOps.Storage.Sqlite;
using ChatOps.Storage.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Dialog.Tests;

/// <summary>The dialog over the real SQLite file: a process restart between request and confirmation loses nothing.</summary>
public class SqliteRestartTests
{
    private static readonly MessageParser Parser = new(ChatScript.Catalog, IntentClassifier.Load(Path.Combine(ChatScript.Root, "models", "intent-model.zip")));

    private static (TurnHandler Handler, SqliteDatabase Db) Start(string file, RecordingExecutor executor, FakeTimeProvider time)
    {
        var db = new SqliteDatabase(file, time);
        var handler = new TurnHandler(Parser, executor, new SqlConversationStore(db, time), new SqlDefaultsStore(db, time),
            new SqlIdempotencyStore(db, time), ChatScript.Catalog, new DialogOptions { Policy = ChatScript.OpenPolicy }, time, new SqliteAuditLog(db, time));
        return (handler, db);
    }

    [Fact]
    public async Task A_pending_confirmation_and_defaults_survive_a_restart_and_run_once()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "chatops.db");
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var executor = new RecordingExecutor();
        var key = new ConversationKey("T1", "C1", "1700000000.0001");
        var (first, db) = Start(file, executor, time);
        await first.HandleAsync(new IncomingTurn(key, "alice", "use payments"), CancellationToken.None);
        var replies = await first.HandleAsync(new IncomingTurn(key, "alice", "deploy to prod"), CancellationToken.None);
        var confirm = replies.SelectMany(r => r.Buttons).First(b => b.ActionId.StartsWith("confirm:", StringComparison.Ordinal)).ActionId;
        db.Dispose();

        var (second, db2) = Start(file, executor, time);
        using (db2)
        {
            var press = new IncomingTurn(key, "alice", "", confirm, EventId: "click-1");
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => second.HandleAsync(press with { EventId = null }, CancellationToken.None))));
            var run = Assert.Single(executor.Executed);
            Assert.Equal(("payments", "prod"), (run.Command.Service, run.Command.Environment));
        }
    }

    [Fact]
    public async Task An_expired_confirmation_stays_refused_after_a_restart()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "chatops.db");
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var executor = new RecordingExecutor();
        var key = new ConversationKey("T1", "C1", "t");
        var (first, db) = Start(file, executor, time);
        var replies = await first.HandleAsync(new IncomingTurn(key, "alice", "restart orders in prod"), CancellationToken.None);
        var confirm = replies.SelectMany(r => r.Buttons).First().ActionId;
        db.Dispose();
        time.Advance(TimeSpan.FromMinutes(6));
        var (second, db2) = Start(file, executor, time);
        using (db2)
        {
            var answer = await second.HandleAsync(new IncomingTurn(key, "alice", "", confirm), CancellationToken.None);
            Assert.Contains("expired", answer[0].Text, StringComparison.Ordinal);
            Assert.Empty(executor.Executed);
        }
    }
}
