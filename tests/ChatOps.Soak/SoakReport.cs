using System.Globalization;
using System.Text;

namespace ChatOps.Soak;

/// <summary>Prints the figures and writes docs/soak.md.</summary>
internal static class SoakReport
{
    public static IReadOnlyList<(string Measure, string Value)> Rows(SoakResult r) =>
    [
        ("chat turns (messages + button presses)", N(r.Turns)),
        ("simulated people, each in their own channel", N(r.Options.Users)),
        ("bot processes serving at once / their store", $"{r.Options.Replicas} / {r.Storage}" + (r.Options.Replicas > 1 ? " (one database)" : "")),
        ("load time / whole run", $"{r.LoadTime.TotalSeconds:0} s / {r.TotalTime.TotalSeconds:0} s"),
        ("turns/s", $"{r.TurnsPerSecond:0.0}"),
        ("turn latency p50 / p99 (send → bot's answer in the thread, retries included)", $"{r.P50:0} ms / {r.P99:0} ms"),
        ("turn latency p99 of turns answered at the first try", $"{r.FirstTryP99:0} ms"),
        ("tries a person had to repeat (no answer in 20 s)", N(r.Retries)),
        ("bot processes SIGKILLed and restarted (survived)" + (r.Options.Replicas > 1 ? ", one replica at a time" : ""), $"{r.Restarts} ({r.Restarts} survived)"),
        ("mean time from SIGKILL to ready again", $"{r.MeanDowntimeSeconds:0.0} s"),
        ("Confirm answered by a later process than the prompt", N(r.ConfirmsAfterRestart)),
        ("backend 5xx injected / 429 injected", $"{N(r.ServerErrors)} / {N(r.RateLimited)}"),
        ("latency bursts past the 2 s attempt timeout", N(r.LatencyBursts)),
        ("webhooks and callbacks dropped", N(r.DroppedWebhooks)),
        ("pipelines in GitLab / runs the bot started / runs finished", $"{N(r.Pipelines)} / {N(r.RunsStarted)} / {N(r.RunsFinished)}"),
        ("answers a script did not expect (backend errors told in chat)", N(r.Unexpected)),
        ("Error lines in the bot's log (Polly reporting the injected faults; readiness checks left out)", N(r.BotErrorLines)),
        .. r.Checks.Select(c => ($"invariant: {c.Name}", c.Violations.Count switch { 0 => "0 violations", 1 => "**1 violation**", var n => $"**{n} violations**" })),
    ];

    public static void Print(SoakResult r, TextWriter output)
    {
        output.WriteLine();
        foreach (var (measure, value) in Rows(r)) output.WriteLine($"{measure,-80} {value.Replace("**", "", StringComparison.Ordinal)}");
        output.WriteLine($"{"conversations finished",-80} {string.Join(", ", r.Finished.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"))}");
        foreach (var sample in r.UnexpectedSamples) output.WriteLine($"  unexpected: {sample}");
        foreach (var check in r.Checks.Where(c => c.Violations.Count > 0))
        {
            output.WriteLine($"VIOLATED: {check.Name} ({check.Violations.Count})");
            foreach (var v in check.Violations.Take(20)) output.WriteLine("  " + v);
        }

        output.WriteLine(r.Violations == 0 ? "soak: every invariant held" : $"soak: {r.Violations} invariant violations");
    }

    public static void WriteMarkdown(SoakResult r, string path)
    {
        var doc = new StringBuilder();
        var replicas = r.Options.Replicas > 1;
        var make = replicas ? "make soak-replicas" : "make soak";
        doc.Append(replicas ? $"# Soak: {r.Options.Replicas} replicas on one PostgreSQL database (`{make}`)\n\n" : $"# Soak: load and faults (`{make}`)\n\n");
        doc.Append(CultureInfo.InvariantCulture, $"Written by `{make}` (tests/ChatOps.Soak); the numbers are from the last full run on this machine.\n\n");
        doc.Append(CultureInfo.InvariantCulture, $"Measured {r.StartedAt:yyyy-MM-dd} on {Environment.ProcessorCount} cores (shared), seed {r.Options.Seed}.\n\n");
        doc.Append("| measure | value |\n|---|---|\n");
        foreach (var (measure, value) in Rows(r)) doc.Append(CultureInfo.InvariantCulture, $"| {measure} | {value} |\n");
        doc.Append(CultureInfo.InvariantCulture, $"| conversations finished | {string.Join(", ", r.Finished.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"))} |\n\n");
        if (r.Violations > 0)
        {
            doc.Append("The violations are the open problems under [What it found](#what-it-found); the harness does not hide them.\n\n");
        }

        doc.Append(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, replicas ? "soak-replicas-notes.md" : "soak-notes.md")));
        File.WriteAllText(path, doc.ToString());
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
