using System.Globalization;
using ChatOps.Executors.Tests.Benchmarks;

namespace ChatOps.Benchmarks.Executors;

/// <summary>Issue 4's target: executor overhead per call on loopback (emulator think-time excluded), p99 ≤ 5 ms.</summary>
public static class ExecutorBench
{
    public static List<BenchResult> Run()
    {
        var figures = ExecutorHarness.RunAsync(calls: 500, warmup: 50).GetAwaiter().GetResult();
        return figures.Select(f => new BenchResult("Executors",
            $"{f.Call} overhead p50 / p99 ({f.Calls} calls)",
            string.Create(CultureInfo.InvariantCulture, $"{f.P50Ms:0.00} / {f.P99Ms:0.00} ms"),
            "p99 <= 5 ms", f.P99Ms <= 5)).ToList();
    }
}
