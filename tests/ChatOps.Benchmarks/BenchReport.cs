using System.Text;

namespace ChatOps.Benchmarks;

/// <summary>Prints the figures and keeps docs/benchmarks.md in step with the last run, one section per area.</summary>
public static class BenchReport
{
    public static void Print(IEnumerable<BenchResult> results)
    {
        foreach (var r in results)
        {
            var mark = r.Met switch { true => "ok  ", false => "MISS", null => "    " };
            Console.WriteLine($"{mark} {r.Area,-8} {r.Measure,-52} {r.Value,-16} target {r.Target}");
        }
    }

    /// <summary>Replaces the sections of the areas measured now and keeps the others from earlier runs.</summary>
    public static void WriteMarkdown(IReadOnlyList<BenchResult> results, string path)
    {
        var sections = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path);
            foreach (var part in text.Split("\n## ").Skip(1))
            {
                var title = part[..part.IndexOf('\n')].Trim();
                sections[title] = "## " + part.TrimEnd() + "\n";
            }
        }

        foreach (var area in results.GroupBy(r => r.Area))
        {
            var sb = new StringBuilder($"## {area.Key}\n\n");
            sb.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores by `make bench`.").AppendLine();
            sb.AppendLine("| measure | value | target | met |").AppendLine("|---|---|---|---|");
            foreach (var r in area) sb.AppendLine($"| {r.Measure} | {r.Value} | {r.Target} | {(r.Met switch { true => "yes", false => "**no**", null => "" })} |");
            sections[area.Key] = sb.ToString();
        }

        var doc = new StringBuilder("# Benchmarks\n\nWritten by `make bench` (tests/ChatOps.Benchmarks); numbers from the last run on this machine. The load and fault soak (`make soak`) writes [soak.md](soak.md), and its two-replica run on PostgreSQL (`make soak-replicas`) [soak-replicas.md](soak-replicas.md).\n\n");
        foreach (var s in sections.Values) doc.AppendLine(s);
        File.WriteAllText(path, doc.ToString());
    }
}
