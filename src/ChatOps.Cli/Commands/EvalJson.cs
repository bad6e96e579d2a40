using System.Diagnostics;
using System.Text.Json;
using ChatOps.Core.Parsing;
using ChatOps.Language.Evaluation;
using ChatOps.Language.TrainingData;

namespace ChatOps.Cli.Commands;

/// <summary>The evaluation figures as JSON, with warm parse latency, for side-by-side comparisons with other NLU tools.</summary>
internal static class EvalJson
{
    public static string Write(NluEvaluation e, IMessageParser parser, IReadOnlyList<Utterance> data)
    {
        var latencies = new List<double>(data.Count * 10);
        for (var round = 0; round < 11; round++)
        {
            foreach (var u in data)
            {
                var start = Stopwatch.GetTimestamp();
                parser.Parse(u.Text);
                if (round > 0) latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        latencies.Sort();
        return JsonSerializer.Serialize(new
        {
            lines = e.Metrics.Count,
            accuracy = e.Metrics.Accuracy,
            macroF1 = e.Metrics.MacroF1,
            outOfScopeRecall = e.OutOfScopeRecall,
            outOfScopePrecision = e.OutOfScopePrecision,
            inScopeFalseRejection = e.InScopeFalseRejection,
            entityExactMatch = e.EntityExactMatch,
            parseP50Ms = latencies[latencies.Count / 2],
            parseP99Ms = latencies[(int)(latencies.Count * 0.99)],
        });
    }
}
