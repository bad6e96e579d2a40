using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Language.Evaluation;
using Microsoft.ML;

namespace ChatOps.Language.Model;

/// <summary>Trains the intent model on delexicalised rows, cross-validates it, and picks the out-of-scope threshold on the folds.</summary>
public sealed class IntentTrainer(TrainerOptions options, Action<string>? progress = null)
{
    /// <summary>One held-out prediction of cross-validation.</summary>
    public sealed record FoldPrediction(int Fold, string Text, string Gold, IntentScore[] Scores);

    /// <summary>The trained model with what cross-validation measured.</summary>
    public sealed record Outcome(MLContext Ml, ITransformer Model, DataViewSchema Schema, float Threshold,
        IReadOnlyList<FoldPrediction> FoldPredictions, IReadOnlyList<(double Accuracy, double MacroF1)> FoldScores);

    /// <summary>Cross-validates, chooses the threshold, then trains the final model on every row.</summary>
    public Outcome Train(IReadOnlyList<IntentRow> rows)
    {
        var cv = CrossValidate(rows);
        progress?.Invoke($"final model on {rows.Count} examples (out-of-scope threshold {cv.Threshold:0.00})");
        var data = cv.Ml.Data.LoadFromEnumerable(rows);
        var final = ModelPipeline.Build(cv.Ml, options).Fit(data);
        return cv with { Model = final, Schema = data.Schema };
    }

    /// <summary>The fold predictions, fold scores and threshold, without the final model.</summary>
    public Outcome CrossValidate(IReadOnlyList<IntentRow> rows)
    {
        var ml = new MLContext(options.Seed);
        var folds = AssignFolds(rows, options.Folds, options.Seed);
        var perFold = new List<FoldPrediction>[options.Folds];

        // Folds are independent fits, each single-threaded with its own seeded context: in parallel they stay deterministic.
        Parallel.For(0, options.Folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            progress?.Invoke($"cross-validation fold {f + 1}/{options.Folds}");
            var train = rows.Where((_, i) => folds[i] != f).ToList();
            var classifier = Fit(new MLContext(options.Seed), train);
            perFold[f] = rows.Where((_, i) => folds[i] == f).Select(r => new FoldPrediction(f, r.Text, r.Intent, classifier.Predict(r.Text))).ToList();
        });
        var predictions = perFold.SelectMany(p => p).ToList();
        var threshold = ChooseThreshold(predictions, options.MaxFalseRejection);
        var foldScores = Enumerable.Range(0, options.Folds).Select(f =>
        {
            var pairs = predictions.Where(p => p.Fold == f).Select(p => (p.Gold, MessageParser.Decide(p.Scores, threshold).Intent)).ToList();
            var m = new ClassificationMetrics(pairs, IntentNames.All);
            return (m.Accuracy, m.MacroF1);
        }).ToList();
        return new Outcome(ml, null!, null!, threshold, predictions, foldScores);
    }

    private IntentClassifier Fit(MLContext ml, IReadOnlyList<IntentRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ModelPipeline.Build(ml, options).Fit(data);
        return IntentClassifier.FromModel(ml, model, new ModelCard { Seed = options.Seed, OutOfScopeThreshold = 0 });
    }

    /// <summary>Stratified folds: each intent's rows spread evenly, the order fixed by the seed.</summary>
    public static int[] AssignFolds(IReadOnlyList<IntentRow> rows, int folds, int seed)
    {
        var assignment = new int[rows.Count];
        var random = new Random(seed);
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Intent).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            for (var k = 0; k < shuffled.Count; k++) assignment[shuffled[k]] = k % folds;
        }

        return assignment;
    }

    /// <summary>The threshold with the best fold accuracy among those rejecting at most <paramref name="maxFalseRejection"/> of in-scope lines.</summary>
    internal static float ChooseThreshold(IReadOnlyList<FoldPrediction> predictions, double maxFalseRejection)
    {
        var inScope = predictions.Count(p => p.Gold != IntentNames.OutOfScope);
        var best = (Threshold: 0f, Accuracy: -1.0);
        for (var t = 0; t <= 90; t++)
        {
            var threshold = t / 100f;
            int correct = 0, rejected = 0;
            foreach (var p in predictions)
            {
                var intent = MessageParser.Decide(p.Scores, threshold).Intent;
                if (intent == p.Gold) correct++;
                if (p.Gold != IntentNames.OutOfScope && intent == IntentNames.OutOfScope) rejected++;
            }

            var accuracy = (double)correct / predictions.Count;
            if (inScope > 0 && (double)rejected / inScope > maxFalseRejection) continue;
            if (accuracy > best.Accuracy) best = (threshold, accuracy);
        }

        return best.Threshold;
    }
}
