using System.Diagnostics;
using ChatOps.Sandbox;

namespace ChatOps.Soak;

/// <summary>The faults: a bot process SIGKILLed and restarted every so many turns (one replica at a time), backend 5xx and 429, latency
/// bursts past the bot's timeouts, dropped webhooks.</summary>
internal sealed class Chaos(SoakWorld world, IReadOnlyList<BotProcess> bots, Ledger ledger, SoakOptions options)
{
    private static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(2500);
    private readonly Random _random = new(options.Seed + 7);
    private readonly List<TimeSpan> _downtimes = [];
    private int _restarts;
    private int _latencyBursts;

    public int Restarts => Volatile.Read(ref _restarts);

    public int LatencyBursts => Volatile.Read(ref _latencyBursts);

    /// <summary>From SIGKILL to /readyz 200 on the new process, each restart.</summary>
    public IReadOnlyList<TimeSpan> Downtimes => _downtimes;

    public void TurnOn()
    {
        foreach (var knobs in Backends())
        {
            knobs.ServerErrorRate = options.ServerErrorRate;
            knobs.RateLimitRate = options.RateLimitRate;
            knobs.RetryAfter = TimeSpan.FromSeconds(1);
        }

        world.Backends.Knobs.DeliveryDropRate = options.DropRate;
    }

    public void TurnOff()
    {
        foreach (var knobs in Backends()) knobs.Reset();
        world.Backends.Knobs.DeliveryDropRate = 0;
    }

    public int ServerErrors => Backends().Sum(k => k.ServerErrors);

    public int RateLimited => Backends().Sum(k => k.RateLimited);

    /// <summary>Kills and restarts the bot whenever the turn count passes the next drawn point, until <paramref name="cancellationToken"/> fires.</summary>
    public async Task KillLoopAsync(CancellationToken cancellationToken)
    {
        var next = NextKill(0);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(20, cancellationToken);
                if (ledger.Turns < next) continue;
                // why: a random moment inside a turn, not at a turn boundary
                await Task.Delay(_random.Next(0, 400), cancellationToken);
                var down = Stopwatch.StartNew();
                var bot = bots[_random.Next(bots.Count)];
                bot.Kill();
                // why: a load balancer stops sending hooks to a dead pod; the hooks go to a replica still running until this one is back
                if (bots.FirstOrDefault(b => b.Running) is { } alive) world.Connect(alive.Address);
                // why: once killed, the bot is always started again, even when the load has just finished
                await Task.Delay(_random.Next(0, 1500), CancellationToken.None);
                await bot.StartAsync(CancellationToken.None);
                _downtimes.Add(down.Elapsed);
                Interlocked.Increment(ref _restarts);
                next = NextKill(ledger.Turns);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Every 8–20 s one backend answers slower than the bot's 2 s attempt timeout, for about 2.5 s.</summary>
    public async Task LatencyLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(_random.Next(8, 20)), cancellationToken);
                var knobs = Backends()[_random.Next(3)];
                knobs.Latency = Burst;
                Interlocked.Increment(ref _latencyBursts);
                try
                {
                    await Task.Delay(Burst, cancellationToken);
                }
                finally
                {
                    knobs.Latency = TimeSpan.Zero;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private FaultKnobs[] Backends() => [world.Backends.Knobs.GitLab, world.Backends.Knobs.Zadig, world.Backends.Knobs.Kubernetes];

    private int NextKill(int now) => now + (int)(options.KillEvery * (0.6 + (0.8 * _random.NextDouble())));
}
