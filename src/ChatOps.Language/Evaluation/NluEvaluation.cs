using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Language.TrainingData;

namespace ChatOps.Language.Evaluation;

/// <summary>Scores a parser on labelled utterances the way the contract is scored: intent, out-of-scope handling, exact entities.</summary>
public sealed class NluEvaluation
{
    private NluEvaluation(ClassificationMetrics metrics, IReadOnlyList<Miss> misses, int inScope, int entitiesExact, int oosGold, int oosCaught, int oosPredicted, int falseRejections)
    {
        Metrics = metrics;
        Misses = misses;
        InScopeCount = inScope;
        EntityExactMatch = inScope == 0 ? 1 : (double)entitiesExact / inScope;
        OutOfScopeRecall = oosGold == 0 ? 1 : (double)oosCaught / oosGold;
        OutOfScopePrecision = oosPredicted == 0 ? 1 : (double)oosCaught / oosPredicted;
        InScopeFalseRejection = inScope == 0 ? 0 : (double)falseRejections / inScope;
    }

    /// <summary>One line the parser got wrong, for the report and for debugging data.</summary>
    public sealed record Miss(string Source, string Text, string GoldIntent, string PredictedIntent, string GoldEntities, string PredictedEntities);

    public ClassificationMetrics Metrics { get; }
    public IReadOnlyList<Miss> Misses { get; }
    public int InScopeCount { get; }
    public double EntityExactMatch { get; }
    public double OutOfScopeRecall { get; }
    public double OutOfScopePrecision { get; }
    public double InScopeFalseRejection { get; }

    /// <summary>Parses every utterance and scores the results.</summary>
    public static NluEvaluation Run(IMessageParser parser, IReadOnlyList<Utterance> data)
    {
        var pairs = new List<(string, string)>();
        var misses = new List<Miss>();
        int inScope = 0, exact = 0, oosGold = 0, oosCaught = 0, oosPredicted = 0, falseRejections = 0;
        foreach (var u in data)
        {
            var result = parser.Parse(u.Text);
            pairs.Add((u.Intent, result.Intent));
            var gold = EntityText(u.Entities);
            var got = EntityText(result.Entities);
            var isOos = u.Intent == IntentNames.OutOfScope;
            if (isOos) oosGold++;
            if (result.Intent == IntentNames.OutOfScope) oosPredicted++;
            if (isOos && result.Intent == IntentNames.OutOfScope) oosCaught++;
            if (!isOos)
            {
                inScope++;
                if (gold == got) exact++;
                if (result.Intent == IntentNames.OutOfScope) falseRejections++;
            }

            if (u.Intent != result.Intent || (!isOos && gold != got))
            {
                misses.Add(new Miss(u.Source, u.Text, u.Intent, result.Intent, gold, got));
            }
        }

        return new NluEvaluation(new ClassificationMetrics(pairs, IntentNames.All), misses, inScope, exact, oosGold, oosCaught, oosPredicted, falseRejections);
    }

    /// <summary>A canonical text of the contract entities (service lists sorted) for exact comparison.</summary>
    public static string EntityText(ParsedEntities entities)
    {
        var map = entities.ToContract();
        return string.Join("; ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value switch
        {
            string[] list => string.Join(",", list.Order(StringComparer.Ordinal)),
            var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
        }));
    }
}
