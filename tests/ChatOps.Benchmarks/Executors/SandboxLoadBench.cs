using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ChatOps.Sandbox;

namespace ChatOps.Benchmarks.Executors;

/// <summary>Issue 4's "a sandbox with 200 concurrent pipelines stays responsive": 200 pipelines started at once, then reads timed while they run.</summary>
public static class SandboxLoadBench
{
    public static List<BenchResult> Run()
    {
        return RunAsync().GetAwaiter().GetResult();
    }

    private static async Task<List<BenchResult>> RunAsync()
    {
        await using var host = await SandboxHost.StartNewAsync(new SandboxOptions());
        using var http = new HttpClient { BaseAddress = host.GitLabApiUrl };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", host.Tokens.GitLabToken);
        string[] projects = ["shop%2Fcheckout", "shop%2Fpayments", "shop%2Fcart", "shop%2Forders"];
        var creates = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var start = Stopwatch.GetTimestamp();
            var response = await http.PostAsJsonAsync($"projects/{projects[i % 4]}/pipeline", new { @ref = "main" });
            var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
            return (Ms: Stopwatch.GetElapsedTime(start).TotalMilliseconds, Project: projects[i % 4], Id: body!["id"].ToString(), Ok: response.IsSuccessStatusCode);
        }));
        var reads = new List<double>();
        foreach (var round in Enumerable.Range(0, 3))
        {
            reads.AddRange(await Task.WhenAll(creates.Select(async c =>
            {
                var start = Stopwatch.GetTimestamp();
                using var r = await http.GetAsync($"projects/{c.Project}/pipelines/{c.Id}");
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            })));
        }

        var createP99 = Percentile(creates.Select(c => c.Ms), 0.99);
        var readP99 = Percentile(reads, 0.99);
        return
        [
            new("Sandbox", $"200 pipelines created at once: created ok", creates.Count(c => c.Ok).ToString(CultureInfo.InvariantCulture) + "/200", "200/200", creates.All(c => c.Ok)),
            new("Sandbox", "create latency p99 (200 concurrent)", Ms(createP99), "", null),
            new("Sandbox", "GET pipeline p99 while 200 run (600 reads, 200 at a time)", Ms(readP99), "responsive: < 100 ms", readP99 < 100),
        ];
    }

    private static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }

    private static string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
