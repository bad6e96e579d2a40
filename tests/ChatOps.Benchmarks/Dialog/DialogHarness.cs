using System.Diagnostics;
using System.Globalization;
using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Dialog;
using ChatOps.Language;
using ChatOps.Language.Model;
using ChatOps.Storage.Sqlite;
using ChatOps.Storage.Stores;
using Microsoft.Data.Sqlite;

namespace ChatOps.Benchmarks.Dialog;

/// <summary>Issue 3's targets: a turn (NLU + dialog + SQLite) p99 ≤ 5 ms, ≥ 2,000 turns/s on 2 cores, ≤ 2 KB per idle conversation.</summary>
public static class DialogHarness
{
    private const string Area = "Dialog";

    // A mix of what people do: a question and its answer, a confirmation, a lookup.
    private static readonly string[] Script = ["deploy checkout", "uat", "restart orders in prod", "yes", "what pods are running for cart in staging"];

    /// <summary>Answers at once, so the figures are the bot's own cost, not a backend's.</summary>
    private sealed class InstantExecutor : ICommandExecutor
    {
        public IReadOnlySet<string> SupportedIntents { get; } = IntentNames.All.ToHashSet();

        public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken) => Task.FromResult(new ExecutionPlan(true, "plan"));

        public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken) => Task.FromResult(new ExecutionResult(true, "done"));
    }

    // why: BENCH_NO_AUDIT=1 measures the same turns without the audit trail, to show what the trail costs
    private static bool WithAudit => Environment.GetEnvironmentVariable("BENCH_NO_AUDIT") is null;

    public static List<BenchResult> Run()
    {
        var root = RepoRoot.Path;
        var catalog = CatalogLoader.Load(Path.Combine(root, "training-data", "catalog.yaml"));
        var parser = new MessageParser(catalog, IntentClassifier.Load(Path.Combine(root, "models", "intent-model.zip")));
        // why: each phase gets a fresh file, so one phase's WAL and tables do not slow the next one down
        SqliteDatabase NewDatabase() => new(Path.Combine(Directory.CreateTempSubdirectory("chatops-bench-dialog").FullName, "bench.db"), TimeProvider.System);
        TurnHandler NewHandler(SqliteDatabase db) => new(parser, new InstantExecutor(), new SqlConversationStore(db, TimeProvider.System), new SqlDefaultsStore(db, TimeProvider.System),
            new SqlIdempotencyStore(db, TimeProvider.System), catalog, new DialogOptions { Policy = new ChatOps.Dialog.Policy.PolicyOptions { Grants = [new ChatOps.Dialog.Policy.Grant("*", ["*"], ["*"])] } }, TimeProvider.System,
            WithAudit ? new SqliteAuditLog(db, TimeProvider.System) : null);
        using var db = NewDatabase();
        using var plainDb = NewDatabase();
        using var slackDb = NewDatabase();
        var handler = NewHandler(db);

        RunConversations(handler, 0, 200, null, slack: true);
        var latencies = new List<double>();
        RunConversations(handler, 1_000, 2_000, latencies, slack: true);
        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[(int)(latencies.Count * 0.99)];

        var threads = Environment.ProcessorCount;
        var perSecond = Throughput(NewHandler(plainDb), threads, 100_000, slack: false);
        var slackPerSecond = Throughput(NewHandler(slackDb), threads, 500_000, slack: true);
        var idleBytes = IdleConversationBytes(db);
        return
        [
            new(Area, $"turn latency p50 ({latencies.Count} turns as from Slack, NLU + dialog + policy{(WithAudit ? " + audit trail" : ", no audit trail")} + delivery report, SQLite)", Ms(p50), "", null),
            new(Area, "turn latency p99", Ms(p99), "<= 5 ms", p99 <= 5),
            new(Area, $"turns/s, {threads} threads, one SQLite file", perSecond.ToString("N0", CultureInfo.InvariantCulture), ">= 2,000", perSecond >= 2_000),
            new(Area, $"turns/s as from Slack (each claims its event id, which the conversation keeps)", slackPerSecond.ToString("N0", CultureInfo.InvariantCulture), "", null),
            new(Area, "stored bytes per idle conversation (state + key)", idleBytes.ToString("0", CultureInfo.InvariantCulture) + " B", "<= 2 KB", idleBytes <= 2048),
        ];
    }

    private static double Throughput(TurnHandler handler, int threads, int first, bool slack)
    {
        // why: the file's migration and first pages are start-up cost, not a turn's
        RunConversations(handler, first - 1_000, 200, null, slack);
        var clock = Stopwatch.StartNew();
        var turns = 0L;
        Parallel.For(0, threads, t => Interlocked.Add(ref turns, RunConversations(handler, first + (t * 10_000), 800, null, slack)));
        return turns / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="count"/> conversations of the script; <paramref name="slack"/> gives each turn an event id, as Slack's do
    /// (console and API turns have none).</summary>
    private static long RunConversations(TurnHandler handler, int first, int count, List<double>? latencies, bool slack)
    {
        long turns = 0;
        for (var c = first; c < first + count; c++)
        {
            var key = new ConversationKey("bench", "C" + c.ToString(CultureInfo.InvariantCulture), "t");
            foreach (var text in Script)
            {
                var start = Stopwatch.GetTimestamp();
                // why: Slack's event ids (Ev + 10 characters) are kept in the conversation (HandledEvents), so they count in its size
                var eventId = slack ? "Ev" + (turns + (c * 10L)).ToString("X10", CultureInfo.InvariantCulture) : null;
                var replies = handler.HandleAsync(new IncomingTurn(key, "U" + c.ToString(CultureInfo.InvariantCulture), text, EventId: eventId), CancellationToken.None).GetAwaiter().GetResult();
                // why: a chat surface reports the replies it posted, so a turn's cost includes taking them out of the outbox
                handler.DeliveredAsync(key, Deliveries.Of(replies), CancellationToken.None).GetAwaiter().GetResult();
                latencies?.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                turns++;
            }
        }

        return turns;
    }

    private static double IdleConversationBytes(SqliteDatabase db)
    {
        using var connection = db.OpenConnectionAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT avg(length(CAST(state AS BLOB)) + length(CAST(key AS BLOB)) + 24) FROM conversations";
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Ms(double v) => v.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
}
