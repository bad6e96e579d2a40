using ChatOps.Core.Chat;
using ChatOps.Dialog.Tests.Fakes;
using ChatOps.Language;
using ChatOps.Language.Model;
using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Dialog.Tests;

/// <summary>Two bot processes on one PostgreSQL database: two handlers, each on its own pool, as two replicas behind one Slack app.</summary>
public sealed class PostgresReplicaTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly MessageParser Parser = new(ChatScript.Catalog, IntentClassifier.Load(Path.Combine(ChatScript.Root, "models", "intent-model.zip")));
    private readonly PostgresUnderTest _db = new(server);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly RecordingExecutor _executor = new();

    [Fact]
    public async Task A_confirmation_clicked_on_both_replicas_executes_once()
    {
        var key = new ConversationKey("T1", "C1", "1700000000.0001");
        var a = Replica();
        var b = Replica();
        // why: a restart always asks for confirmation, and staging is unprotected, so no policy grant is needed.
        var replies = await a.HandleAsync(new IncomingTurn(key, "alice", "restart cart in staging"), CancellationToken.None);
        var confirm = replies.SelectMany(r => r.Buttons).First(x => x.ActionId.StartsWith("confirm:", StringComparison.Ordinal)).ActionId;

        // why: Slack may deliver one click to either replica, and an impatient user clicks again; 40 presses cover both.
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).HandleAsync(new IncomingTurn(key, "alice", "", confirm), CancellationToken.None))));

        var run = Assert.Single(_executor.Executed);
        Assert.Equal(("cart", "staging"), (run.Command.Service, run.Command.Environment));
        Assert.Equal(39, answers.Count(r => r.Any(x => x.Text.Contains("will not run twice", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_request_made_on_one_replica_is_confirmed_on_the_other()
    {
        var key = new ConversationKey("T1", "C1", "1700000000.0002");
        var replies = await Replica().HandleAsync(new IncomingTurn(key, "alice", "restart orders in uat"), CancellationToken.None);
        var confirm = replies.SelectMany(r => r.Buttons).First(x => x.ActionId.StartsWith("confirm:", StringComparison.Ordinal)).ActionId;

        await Replica().HandleAsync(new IncomingTurn(key, "alice", "", confirm), CancellationToken.None);

        Assert.Equal(("orders", "uat"), (Assert.Single(_executor.Executed).Command.Service, _executor.Executed.Single().Command.Environment));
    }

    public void Dispose() => _db.Dispose();

    private TurnHandler Replica()
    {
        var database = _db.OpenDatabase(_time);
        return new TurnHandler(Parser, _executor, new SqlConversationStore(database, _time), new SqlDefaultsStore(database, _time),
            new SqlIdempotencyStore(database, _time), ChatScript.Catalog, new DialogOptions(), _time);
    }
}
