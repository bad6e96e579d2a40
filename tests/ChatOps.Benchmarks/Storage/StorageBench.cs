using System.Diagnostics;
using System.Globalization;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Storage.Postgres;
using ChatOps.Storage.Sqlite;
using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Postgres;

namespace ChatOps.Benchmarks.Storage;

/// <summary>Issue 8's figures: idempotency claims per second and conversation save latency, SQLite against PostgreSQL on loopback.</summary>
public static class StorageBench
{
    private const string Area = "Storage";
    private const int Claims = 4_000;
    private const int ClaimWriters = 16;
    private const int Saves = 2_000;

    public static List<BenchResult> Run()
    {
        var results = new List<BenchResult>();
        var folder = Directory.CreateTempSubdirectory("chatops-bench-storage").FullName;
        try
        {
            using (var a = new SqliteDatabase(Path.Combine(folder, "bench.db"), TimeProvider.System))
            using (var b = new SqliteDatabase(Path.Combine(folder, "bench.db"), TimeProvider.System))
            {
                results.AddRange(Measure("SQLite (WAL, synchronous=NORMAL)",
                    [new SqlIdempotencyStore(a, TimeProvider.System), new SqlIdempotencyStore(b, TimeProvider.System)],
                    new SqlConversationStore(a, TimeProvider.System)));
            }

            using var server = PostgresServer.StartDurable();
            foreach (var (label, options) in new[] { ("fsync per commit", ""), ("synchronous_commit=off", ";Options=-c synchronous_commit=off") })
            {
                var connectionString = server.ConnectionString(server.CreateDatabase()) + options;
                using var a = new PostgresDatabase(connectionString, TimeProvider.System);
                using var b = new PostgresDatabase(connectionString, TimeProvider.System);
                results.AddRange(Measure($"PostgreSQL {server.Version} on loopback ({label})",
                    [new SqlIdempotencyStore(a, TimeProvider.System), new SqlIdempotencyStore(b, TimeProvider.System)],
                    new SqlConversationStore(a, TimeProvider.System)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return results;
    }

    private static List<BenchResult> Measure(string provider, IIdempotencyStore[] replicas, IConversationStore conversations)
    {
        // why: warm the pools and the schema first, so the figures are steady-state cost.
        Wait(Task.WhenAll(Enumerable.Range(0, 200).Select(i => replicas[i % 2].TryClaimAsync(new IdempotencyKey($"warm-{i}"), "bench", CancellationToken.None))));

        var clock = Stopwatch.StartNew();
        var next = -1;
        var won = 0;
        Wait(Task.WhenAll(Enumerable.Range(0, ClaimWriters).Select(w => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Claims; i = Interlocked.Increment(ref next))
            {
                if (await replicas[w % 2].TryClaimAsync(new IdempotencyKey($"k-{i}"), $"writer-{w}", CancellationToken.None))
                    Interlocked.Increment(ref won);
            }
        }))));
        var claimsPerSecond = Claims / clock.Elapsed.TotalSeconds;

        var contended = Wait(Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            replicas[i % 2].TryClaimAsync(new IdempotencyKey("contended"), $"caller-{i}", CancellationToken.None))))).Count(w => w);

        var latencies = SaveLatencies(conversations);
        return
        [
            new(Area, $"{provider}: claims/s ({ClaimWriters} writers, 2 pools)", claimsPerSecond.ToString("N0", CultureInfo.InvariantCulture), "", won == Claims ? null : false),
            new(Area, $"{provider}: winners of 50 claims of one key", contended.ToString(CultureInfo.InvariantCulture), "1", contended == 1),
            new(Area, $"{provider}: conversation save p50 / p99 ({Saves}, one thread)",
                $"{Ms(latencies[latencies.Count / 2])} / {Ms(latencies[(int)(latencies.Count * 0.99)])}", "", null),
        ];
    }

    private static List<double> SaveLatencies(IConversationStore store)
    {
        const int conversations = 100;
        var versions = new long[conversations];
        var latencies = new List<double>(Saves);
        for (var i = 0; i < conversations + Saves; i++)
        {
            var c = i % conversations;
            var key = new ConversationKey("bench", "C" + c.ToString(CultureInfo.InvariantCulture), "1718000000.123456");
            var state = $$"""{"State":"AwaitingConfirmation","Language":"en","Turn":{{i}},"Plan":"Run the GitLab pipeline of payments/checkout at main"}""";
            var start = Stopwatch.GetTimestamp();
            var saved = Wait(store.SaveAsync(key, state, versions[c], null, CancellationToken.None));
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!saved)
                throw new InvalidOperationException($"Benchmark save of {key} at version {versions[c]} was refused.");
            versions[c]++;
            if (i >= conversations)
                latencies.Add(elapsed);
        }
        latencies.Sort();
        return latencies;
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
}
