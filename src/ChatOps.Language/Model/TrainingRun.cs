using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatOps.Core.Catalog;
using ChatOps.Language.Evaluation;
using ChatOps.Language.Recognizers;
using ChatOps.Language.TrainingData;
using Microsoft.ML;

namespace ChatOps.Language.Model;

/// <summary>`chatops train` end to end: read the data, train, save zip and card, score the held-apart split, write the report.</summary>
public sealed class TrainingRun(TrainingPaths paths, TrainerOptions options, Action<string> progress)
{
    /// <summary>Cross-validation only, for tuning: mean fold accuracy and macro-F1; writes nothing.</summary>
    public (double Accuracy, double MacroF1, float Threshold) CrossValidateOnly()
    {
        var catalog = CatalogLoader.Load(paths.CatalogFile);
        var chain = RecognizerChain.For(catalog);
        var rows = TrainingDataLoader.LoadFolder(paths.IntentsFolder, catalog)
            .Select(u => new IntentRow { Text = MessageParser.Delexicalize(chain, u.Text), Intent = u.Intent }).ToList();
        var outcome = new IntentTrainer(options, progress).CrossValidate(rows);
        foreach (var p in outcome.FoldPredictions.Where(p => MessageParser.Decide(p.Scores, outcome.Threshold).Intent != p.Gold))
        {
            progress($"cv miss: {p.Gold} -> {p.Scores[0].Intent} ({p.Scores[0].Score:0.00}): {p.Text}");
        }

        return (outcome.FoldScores.Average(s => s.Accuracy), outcome.FoldScores.Average(s => s.MacroF1), outcome.Threshold);
    }

    /// <summary>Runs the whole training and returns the card it wrote.</summary>
    public ModelCard Execute(TimeProvider time)
    {
        var clock = Stopwatch.StartNew();
        var catalog = CatalogLoader.Load(paths.CatalogFile);
        var data = TrainingDataLoader.LoadFolder(paths.IntentsFolder, catalog);
        progress($"read {data.Count} examples of {data.Select(u => u.Intent).Distinct().Count()} intents from {paths.IntentsFolder}");
        var chain = RecognizerChain.For(catalog);
        var rows = data.Select(u => new IntentRow { Text = MessageParser.Delexicalize(chain, u.Text), Intent = u.Intent }).ToList();
        var outcome = new IntentTrainer(options, progress).Train(rows);
        var trainSeconds = clock.Elapsed.TotalSeconds;

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(paths.ModelFile))!);
        outcome.Ml.Model.Save(outcome.Model, outcome.Schema, paths.ModelFile);
        var card = BuildCard(data, outcome, time, trainSeconds);
        File.WriteAllText(paths.CardFile, card.ToJson());

        // Score the saved file, not the in-memory model, so the report describes what ships.
        var report = new ModelReport(card, outcome);
        if (paths.TestFolder is { } test && Directory.Exists(test))
        {
            var classifier = IntentClassifier.Load(paths.ModelFile);
            var testEval = NluEvaluation.Run(new MessageParser(catalog, classifier), TrainingDataLoader.LoadFolder(test, catalog));
            report.Test = testEval;
            card = card with { Metrics = new(card.Metrics) { ["testAccuracy"] = R(testEval.Metrics.Accuracy), ["testMacroF1"] = R(testEval.Metrics.MacroF1), ["testOutOfScopeRecall"] = R(testEval.OutOfScopeRecall), ["testInScopeFalseRejection"] = R(testEval.InScopeFalseRejection), ["testEntityExactMatch"] = R(testEval.EntityExactMatch) } };
            var unseen = Path.Combine(test, "unseen");
            if (File.Exists(Path.Combine(unseen, "catalog.yaml")))
            {
                var unseenCatalog = CatalogLoader.Load(Path.Combine(unseen, "catalog.yaml"));
                var unseenEval = NluEvaluation.Run(new MessageParser(unseenCatalog, classifier), TrainingDataLoader.LoadFolder(unseen, unseenCatalog));
                report.Unseen = unseenEval;
                card = card with { Metrics = new(card.Metrics) { ["unseenCatalogAccuracy"] = R(unseenEval.Metrics.Accuracy), ["unseenCatalogEntityExactMatch"] = R(unseenEval.EntityExactMatch) } };
            }

            File.WriteAllText(paths.CardFile, card.ToJson());
        }

        if (paths.ReportFile is { } reportFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportFile))!);
            File.WriteAllText(reportFile, report.ToMarkdown(card));
        }

        progress($"wrote {paths.ModelFile} ({new FileInfo(paths.ModelFile).Length / 1024} KiB), {paths.CardFile}{(paths.ReportFile is null ? "" : ", " + paths.ReportFile)} in {clock.Elapsed.TotalSeconds:0.0}s");
        return card;
    }

    private ModelCard BuildCard(List<Utterance> data, IntentTrainer.Outcome outcome, TimeProvider time, double trainSeconds)
    {
        var accuracies = outcome.FoldScores.Select(s => s.Accuracy).ToList();
        var f1s = outcome.FoldScores.Select(s => s.MacroF1).ToList();
        return new ModelCard
        {
            CreatedAt = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Seed = options.Seed,
            MlNetVersion = typeof(MLContext).Assembly.GetName().Version?.ToString() ?? "?",
            Trainer = ModelPipeline.TrainerName(options),
            Hyperparameters = new()
            {
                ["wordNgramLength"] = options.WordNgramLength,
                ["charNgramLength"] = options.CharNgramLength,
                ["l2Regularization"] = options.L2Regularization,
                ["l1Regularization"] = options.L1Regularization,
                ["folds"] = options.Folds,
                ["weighting"] = options.Weighting,
                ["featurizer"] = options.Featurizer,
                ["maxFalseRejection"] = options.MaxFalseRejection,
                ["delexicalisation"] = "catalog, refs, names, numbers, durations → placeholders",
            },
            DataHash = HashData(),
            TrainingExamples = data.Count,
            Intents = outcome.FoldPredictions.Select(p => p.Gold).Distinct().Order(StringComparer.Ordinal).ToList(),
            OutOfScopeThreshold = outcome.Threshold,
            Metrics = new()
            {
                ["cvAccuracyMean"] = R(accuracies.Average()),
                ["cvAccuracyStd"] = R(Std(accuracies)),
                ["cvMacroF1Mean"] = R(f1s.Average()),
                ["cvMacroF1Std"] = R(Std(f1s)),
                ["trainSeconds"] = Math.Round(trainSeconds, 1),
            },
        };
    }

    /// <summary>SHA-256 over the training files and the catalog, names and bytes, in a fixed order.</summary>
    private string HashData()
    {
        using var sha = SHA256.Create();
        var files = Directory.GetFiles(paths.IntentsFolder, "*.yaml").Order(StringComparer.Ordinal).Append(paths.CatalogFile);
        using var stream = new MemoryStream();
        foreach (var f in files)
        {
            stream.Write(Encoding.UTF8.GetBytes(Path.GetFileName(f) + "\n"));
            stream.Write(File.ReadAllBytes(f));
        }

        return "sha256:" + Convert.ToHexStringLower(sha.ComputeHash(stream.ToArray()));
    }

    internal static double R(double v) => Math.Round(v, 4);

    private static double Std(IReadOnlyList<double> xs)
    {
        var mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / xs.Count);
    }
}
