using System.Diagnostics;
using System.Globalization;
using ChatOps.Core.Catalog;
using ChatOps.Language;
using ChatOps.Language.Evaluation;
using ChatOps.Language.Model;
using ChatOps.Language.TrainingData;

namespace ChatOps.Benchmarks.Nlu;

/// <summary>Measures issue 2's targets: quality on the test split, parse latency and throughput, cold start, model size, training time.</summary>
public static class NluHarness
{
    private const string Area = "NLU";

    public static List<BenchResult> Run()
    {
        var root = RepoRoot.Path;
        var catalog = CatalogLoader.Load(Path.Combine(root, "training-data", "catalog.yaml"));
        var modelPath = Path.Combine(root, "models", "intent-model.zip");
        var parser = new MessageParser(catalog, IntentClassifier.Load(modelPath));
        var test = TrainingDataLoader.LoadFolder(Path.Combine(root, "training-data", "test"), catalog);
        var results = new List<BenchResult>();

        var e = NluEvaluation.Run(parser, test);
        results.Add(new(Area, $"test split intent accuracy ({test.Count} lines)", Pct(e.Metrics.Accuracy), ">= 97%", e.Metrics.Accuracy >= 0.97));
        results.Add(new(Area, "test split macro-F1", e.Metrics.MacroF1.ToString("0.000", CultureInfo.InvariantCulture), ">= 0.95", e.Metrics.MacroF1 >= 0.95));
        results.Add(new(Area, "out-of-scope recall", Pct(e.OutOfScopeRecall), ">= 90%", e.OutOfScopeRecall >= 0.90));
        results.Add(new(Area, "in-scope false rejection", Pct(e.InScopeFalseRejection), "<= 3%", e.InScopeFalseRejection <= 0.03));
        results.Add(new(Area, "in-scope lines with all entities exactly right", Pct(e.EntityExactMatch), ">= 95%", e.EntityExactMatch >= 0.95));

        var texts = test.Select(u => u.Text).ToArray();
        var latencies = Latencies(parser, texts, 30_000);
        results.Add(new(Area, "parse latency p50 (warm, one thread)", Micro(latencies, 0.50), "", null));
        var p99 = Percentile(latencies, 0.99);
        results.Add(new(Area, "parse latency p99 (warm, one thread)", Micro(latencies, 0.99), "<= 1 ms", p99 <= 1.0));
        var single = Throughput(parser, texts, 1, TimeSpan.FromSeconds(3));
        results.Add(new(Area, "parses/s, one thread", single.ToString("N0", CultureInfo.InvariantCulture), "", null));
        var all = Throughput(parser, texts, Environment.ProcessorCount, TimeSpan.FromSeconds(3));
        results.Add(new(Area, $"parses/s, {Environment.ProcessorCount} threads, one process", all.ToString("N0", CultureInfo.InvariantCulture), ">= 20,000", all >= 20_000));

        var size = new FileInfo(modelPath).Length / 1024.0 / 1024.0;
        results.Add(new(Area, "model size", $"{size:0.00} MB", "<= 20 MB", size <= 20));
        var cold = ColdStartSeconds(root);
        results.Add(new(Area, "`chatops parse` cold start (median of 5)", $"{cold:0.00} s", "<= 1.5 s", cold <= 1.5));
        var train = TrainSeconds(root);
        results.Add(new(Area, "`chatops train` wall time (5-fold CV + final + report)", $"{train:0.0} s", "<= 60 s", train <= 60));
        return results;
    }

    private static double[] Latencies(MessageParser parser, string[] texts, int count)
    {
        for (var i = 0; i < 3000; i++) parser.Parse(texts[i % texts.Length]);
        var ms = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            parser.Parse(texts[i % texts.Length]);
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(ms);
        return ms;
    }

    private static double Throughput(MessageParser parser, string[] texts, int threads, TimeSpan duration)
    {
        long total = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long n = 0;
            while (clock.Elapsed < duration) parser.Parse(texts[(int)(n++ + t * 7919) % texts.Length]);
            Interlocked.Add(ref total, n);
        });
        return total / clock.Elapsed.TotalSeconds;
    }

    private static double ColdStartSeconds(string root)
    {
        var times = Enumerable.Range(0, 5).Select(_ => Time(root, "parse", "deploy checkout to uat please")).Order().ToList();
        return times[2];
    }

    private static double TrainSeconds(string root)
    {
        var folder = Directory.CreateTempSubdirectory("chatops-bench-train").FullName;
        return Time(root, "train", "--out", Path.Combine(folder, "m.zip"), "--report", Path.Combine(folder, "r.md"));
    }

    /// <summary>Wall time of one `chatops` process, start to exit.</summary>
    internal static double Time(string root, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chatops.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    private static string Micro(double[] sorted, double q) => $"{Percentile(sorted, q) * 1000:0} µs";

    private static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
