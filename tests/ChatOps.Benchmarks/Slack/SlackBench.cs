using System.Globalization;
using ChatOps.Adapters.Tests.Benchmarks;

namespace ChatOps.Benchmarks.Slack;

/// <summary>Issue 6's targets on loopback: event received → ack p99 ≤ 50 ms, event → first reply posted p99 ≤ 100 ms.</summary>
public static class SlackBench
{
    public static List<BenchResult> Run()
    {
        var figures = SlackHarness.RunAsync(events: 500, warmup: 50).GetAwaiter().GetResult();
        var results = new List<BenchResult>();
        foreach (var f in figures)
        {
            results.Add(new BenchResult("Slack", $"{f.Mode}: event → ack p50 / p99 ({f.Events} events, each kept in a SQLite inbox first)",
                string.Create(CultureInfo.InvariantCulture, $"{f.AckP50Ms:0.00} / {f.AckP99Ms:0.00} ms"), "p99 <= 50 ms", f.AckP99Ms <= 50));
            results.Add(new BenchResult("Slack", $"{f.Mode}: event → first reply posted p50 / p99",
                string.Create(CultureInfo.InvariantCulture, $"{f.ReplyP50Ms:0.00} / {f.ReplyP99Ms:0.00} ms"), "p99 <= 100 ms", f.ReplyP99Ms <= 100));
        }

        return results;
    }
}
