namespace ChatOps.Language.Evaluation;

/// <summary>Accuracy, macro-F1, per-intent precision/recall and the confusion matrix of gold vs predicted labels.</summary>
public sealed class ClassificationMetrics
{
    /// <summary>Per-label counts and scores.</summary>
    public sealed record LabelStats(string Label, int Support, int Predicted, int Correct)
    {
        public double Precision => Predicted == 0 ? (Support == 0 ? 1 : 0) : (double)Correct / Predicted;
        public double Recall => Support == 0 ? 1 : (double)Correct / Support;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public ClassificationMetrics(IReadOnlyList<(string Gold, string Predicted)> pairs, IEnumerable<string> labels)
    {
        Labels = labels.Union(pairs.Select(p => p.Gold)).Distinct().ToList();
        Count = pairs.Count;
        Confusion = Labels.ToDictionary(l => l, _ => Labels.ToDictionary(l => l, _ => 0));
        foreach (var (gold, predicted) in pairs)
        {
            if (!Confusion[gold].ContainsKey(predicted))
            {
                foreach (var row in Confusion.Values) row[predicted] = 0;
                Labels.Add(predicted);
                Confusion[predicted] = Labels.ToDictionary(l => l, _ => 0);
            }

            Confusion[gold][predicted]++;
        }

        PerLabel = Labels.Select(l => new LabelStats(l, pairs.Count(p => p.Gold == l), pairs.Count(p => p.Predicted == l), Confusion[l][l])).ToList();
        Accuracy = Count == 0 ? 0 : (double)pairs.Count(p => p.Gold == p.Predicted) / Count;
        var present = PerLabel.Where(s => s.Support > 0).ToList();
        MacroF1 = present.Count == 0 ? 0 : present.Average(s => s.F1);
    }

    public List<string> Labels { get; }
    public int Count { get; }
    public double Accuracy { get; }
    public double MacroF1 { get; }
    public IReadOnlyList<LabelStats> PerLabel { get; }

    /// <summary>Confusion[gold][predicted] = count.</summary>
    public Dictionary<string, Dictionary<string, int>> Confusion { get; }
}
