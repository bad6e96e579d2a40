using System.Diagnostics;
using ChatOps.Core.Commands;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Resilience;
using ChatOps.Executors.Tests.Support;
using k8s;
using Microsoft.Extensions.Http.Resilience;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Benchmarks;

/// <summary>Issue 4's target: executor overhead per call on loopback, emulator think-time excluded, p99 ≤ 5 ms.</summary>
/// <remarks>Overhead = wall time of one <see cref="CommandRouter.ExecuteAsync"/> (idempotency claim, routing, resilience, Refit or
/// KubernetesClient, JSON, chat formatting) minus the time spent below the clients' last handler (socket and emulator).</remarks>
public static class ExecutorHarness
{
    /// <summary>One figure per backend: the call measured, its overhead percentiles in milliseconds, and how many calls.</summary>
    public sealed record Figure(string Call, double P50Ms, double P99Ms, int Calls);

    /// <summary>Starts a sandbox (latency 0), warms up, then measures <paramref name="calls"/> calls per backend.</summary>
    public static async Task<IReadOnlyList<Figure>> RunAsync(int calls = 300, int warmup = 50)
    {
        var sandbox = new SandboxFixture();
        await sandbox.InitializeAsync();
        try
        {
            sandbox.Host.Knobs.Reset();
            var wire = new WireClock();
            var kube = new KubernetesExecutor(
                new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.Host.KubeconfigPath),
                    new ResilienceHandler(BackendResilience.Pipeline(new BackendResilienceOptions(), TimeProvider.System)), wire),
                TimeProvider.System);
            var router = new CommandRouter(sandbox.Catalog, new InMemoryIdempotencyStore(), sandbox.GitLab, sandbox.Zadig, kube);
            await router.ExecuteAsync(Request(Cmd(IntentNames.Deploy, "checkout", "dev")), default);
            await router.ExecuteAsync(Request(Cmd(IntentNames.WorkflowRun, "checkout", "dev")), default);

            return
            [
                await MeasureAsync("gitlab pipeline.status", router, Cmd(IntentNames.PipelineStatus, "checkout", "dev"), () => sandbox.GitLabFaults.WireTicks, calls, warmup),
                await MeasureAsync("zadig workflow.status", router, Cmd(IntentNames.WorkflowStatus, "checkout", "dev"), () => sandbox.ZadigFaults.WireTicks, calls, warmup),
                await MeasureAsync("kubernetes k8s.pods", router, Cmd(IntentNames.K8sPods, "checkout", "dev"), () => wire.Ticks, calls, warmup),
            ];
        }
        finally
        {
            await sandbox.DisposeAsync();
        }
    }

    private static async Task<Figure> MeasureAsync(string name, CommandRouter router, ChatCommand command, Func<long> wireTicks, int calls, int warmup)
    {
        var overheads = new List<double>(calls);
        for (var i = 0; i < warmup + calls; i++)
        {
            var wireBefore = wireTicks();
            var started = Stopwatch.GetTimestamp();
            var result = await router.ExecuteAsync(Request(command), default);
            var total = Stopwatch.GetTimestamp() - started;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{name} failed: {result.Text}");
            }

            if (i >= warmup)
            {
                overheads.Add((total - (wireTicks() - wireBefore)) * 1000.0 / Stopwatch.Frequency);
            }
        }

        overheads.Sort();
        return new Figure(name, Percentile(overheads, 0.50), Percentile(overheads, 0.99), calls);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
