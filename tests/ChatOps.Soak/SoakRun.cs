using System.Diagnostics;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Storage;
using ChatOps.Storage.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Soak;

/// <summary>One soak: start the world and the bot, let the people talk while faults fly, stop the faults, let the runs end, then check.</summary>
internal static class SoakRun
{
    public static async Task<SoakResult> RunAsync(SoakOptions options, TextWriter progress)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("chatops-soak").FullName;
        await using var world = await SoakWorld.StartAsync(options);
        // why: replicas share one database, as in a deployment with several pods; one bot keeps its SQLite file
        using var postgres = options.Replicas > 1 ? new PostgresServer() : null;
        var database = postgres?.ConnectionString(postgres.CreateDatabase());
        var bots = Enumerable.Range(1, options.Replicas)
            .Select(i => new BotProcess(world, options.Replicas == 1 ? folder : Path.Combine(folder, $"replica-{i}"), options.Replicas == 1 ? "the bot" : $"replica {i}", database))
            .ToList();
        await using var stop = new Stopper(bots);
        foreach (var bot in bots)
        {
            progress.WriteLine($"soak: {bot.Name}: log {bot.LogPath}; starting …");
            var firstStart = await bot.StartAsync(CancellationToken.None);
            progress.WriteLine($"soak: {bot.Name} ready in {firstStart.TotalSeconds:0.0}s on {bot.Address}");
        }

        progress.WriteLine($"soak: {options.Users} people, {options.Turns} turns, a kill every ~{options.KillEvery} turns" +
            (postgres is null ? "" : $"; {bots.Count} replicas on one PostgreSQL {postgres.Version} database"));

        var ledger = new Ledger();
        var chaos = new Chaos(world, bots, ledger, options);
        chaos.TurnOn();
        using var stopFaults = new CancellationTokenSource();
        var kills = chaos.KillLoopAsync(stopFaults.Token);
        var bursts = chaos.LatencyLoopAsync(stopFaults.Token);
        var load = Stopwatch.StartNew();
        var reporter = ReportProgressAsync(ledger, chaos, progress, stopFaults.Token);
        var users = world.People.Select((person, i) =>
            new SimulatedUser(world.Slack, person, $"C0SOAK{i + 1:D3}", ledger, options, () => chaos.Restarts, options.Seed + i)
                .RunAsync(() => ledger.Turns < options.Turns, CancellationToken.None));
        await Task.WhenAll(users);
        var loadTime = load.Elapsed;
        await stopFaults.CancelAsync();
        await Task.WhenAll(kills, bursts, reporter);
        chaos.TurnOff();
        progress.WriteLine($"soak: load done in {loadTime.TotalSeconds:0}s; faults off, waiting up to {options.SettleTimeout.TotalSeconds:0}s for every run to show its end …");

        var runs = await SettleAsync(database ?? bots[0].DatabasePath, postgres is not null, ledger, world, options.SettleTimeout);
        var census = await PipelineCensus.TakeAsync(world.Backends, "CHATOPS_REQUEST");
        var checks = Invariants.Evaluate(ledger, census, runs, world.Slack);
        var latencies = ledger.Latencies.Order().ToList();
        var downtimes = chaos.Downtimes;
        return new SoakResult
        {
            Options = options,
            StartedAt = startedAt,
            LoadTime = loadTime,
            TotalTime = total.Elapsed,
            Turns = ledger.Turns,
            Retries = ledger.Retries,
            P50 = Percentile(latencies, 0.50),
            P99 = Percentile(latencies, 0.99),
            FirstTryP99 = Percentile([.. ledger.FirstTryLatencies.Order()], 0.99),
            Restarts = chaos.Restarts,
            MeanDowntimeSeconds = downtimes.Count == 0 ? 0 : downtimes.Average(d => d.TotalSeconds),
            ConfirmsAfterRestart = ledger.ConfirmsAfterRestart,
            ServerErrors = chaos.ServerErrors,
            RateLimited = chaos.RateLimited,
            LatencyBursts = chaos.LatencyBursts,
            DroppedWebhooks = world.Backends.Knobs.DroppedDeliveries,
            Pipelines = census.Pipelines.Count,
            RunsStarted = runs.Count,
            RunsFinished = runs.Count(r => r.Status.IsTerminal()),
            Finished = ledger.Finished.ToDictionary(),
            Unexpected = ledger.Unexpected.Count,
            UnexpectedSamples = [.. ledger.Unexpected.GroupBy(u => u.Length > 70 ? u[..70] : u).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Count()}× {g.First()}")],
            BotErrorLines = bots.Sum(b => b.ErrorLines),
            Storage = postgres is null ? "SQLite" : $"PostgreSQL {postgres.Version}",
            Checks = checks,
        };
    }

    /// <summary>Waits until every run the bot recorded is terminal and every announced message shows the end, or the time is up.</summary>
    private static async Task<IReadOnlyList<RunRecord>> SettleAsync(string database, bool postgres, Ledger ledger, SoakWorld world, TimeSpan timeout)
    {
        var collection = new ServiceCollection();
        await using var services = (postgres ? collection.AddPostgresStorage(database) : collection.AddSqliteStorage(database)).BuildServiceProvider();
        var store = services.GetRequiredService<IRunStore>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var runs = await store.ListRecentAsync(1_000_000, CancellationToken.None);
            var settled = runs.All(r => r.Status.IsTerminal() && r.Message is { } m && Invariants.ShowsEnd(world.Slack.Find(m.Channel, m.MessageId)))
                && ledger.Announced.All(a => Invariants.ShowsEnd(world.Slack.Find(a.Channel, a.Ts)))
                // why: a thread told "already running" by a process killed while starting is settled by the sweep one StrandedAfter later,
                // and a pipeline whose run record died with the process is adopted then too; the load may stop before that time comes
                && !Invariants.Stalled(ledger, world.Slack).Any()
                && await AllFollowedAsync(world, runs);
            if (settled || deadline.Elapsed > timeout) return runs;
            await Task.Delay(1000);
        }
    }

    private static async Task<bool> AllFollowedAsync(SoakWorld world, IReadOnlyList<RunRecord> runs)
    {
        var ids = runs.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var census = await PipelineCensus.TakeAsync(world.Backends, "CHATOPS_REQUEST");
        return census.ByKey.All(g => ids.Contains(g.Key));
    }

    private static async Task ReportProgressAsync(Ledger ledger, Chaos chaos, TextWriter progress, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
                progress.WriteLine($"soak: {ledger.Turns} turns, {ledger.Retries} retries, {chaos.Restarts} restarts, {ledger.Lost.Count} lost");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Kills every bot before the database they use goes away.</summary>
    private sealed class Stopper(IReadOnlyList<BotProcess> bots) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var bot in bots) await bot.DisposeAsync();
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
