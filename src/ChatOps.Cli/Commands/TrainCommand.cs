using System.CommandLine;
using ChatOps.Core.Catalog;
using ChatOps.Language.Model;
using ChatOps.Language.TrainingData;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops train`: trains the intent model and writes the zip, model-card.json and docs/model-report.md.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var defaults = TrainingPaths.Under(RepoPaths.Root);
        var data = new Option<string>("--data") { Description = "Folder of intent files", DefaultValueFactory = _ => defaults.IntentsFolder };
        var test = new Option<string>("--test") { Description = "Held-apart test split, scored for the report only", DefaultValueFactory = _ => defaults.TestFolder! };
        var output = new Option<string>("--out") { Description = "Model zip to write", DefaultValueFactory = _ => defaults.ModelFile };
        var report = new Option<string>("--report") { Description = "Markdown report to write", DefaultValueFactory = _ => defaults.ReportFile! };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same model)", DefaultValueFactory = _ => 42 };
        var l2 = new Option<float>("--l2") { Description = "L2 regularization", DefaultValueFactory = _ => new TrainerOptions().L2Regularization };
        var chars = new Option<int>("--char-ngrams") { Description = "Longest character n-gram", DefaultValueFactory = _ => new TrainerOptions().CharNgramLength };
        var words = new Option<int>("--word-ngrams") { Description = "Longest word n-gram", DefaultValueFactory = _ => new TrainerOptions().WordNgramLength };
        var algorithm = new Option<string>("--algorithm") { Description = "lbfgs, sdca or svm", DefaultValueFactory = _ => new TrainerOptions().Algorithm };
        var weighting = new Option<string>("--weighting") { Description = "tf or tfidf", DefaultValueFactory = _ => new TrainerOptions().Weighting };
        var featurizer = new Option<string>("--featurizer") { Description = "split or joint", DefaultValueFactory = _ => new TrainerOptions().Featurizer };
        var cvOnly = new Option<bool>("--cv-only") { Description = "Only cross-validate (for tuning); write nothing" };
        var catalog = CommonOptions.Catalog();
        var command = new Command("train", "Train the intent model from training-data/") { data, test, output, report, seed, l2, chars, words, algorithm, weighting, featurizer, cvOnly, catalog };
        command.SetAction(result =>
        {
            var paths = new TrainingPaths(result.GetValue(data)!, result.GetValue(catalog)!, result.GetValue(test), result.GetValue(output)!, result.GetValue(report));
            try
            {
                var options = new TrainerOptions { Seed = result.GetValue(seed), L2Regularization = result.GetValue(l2), CharNgramLength = result.GetValue(chars), WordNgramLength = result.GetValue(words), Algorithm = result.GetValue(algorithm)!, Weighting = result.GetValue(weighting)!, Featurizer = result.GetValue(featurizer)! };
                var run = new TrainingRun(paths, options, m => Console.Error.WriteLine("train: " + m));
                if (result.GetValue(cvOnly))
                {
                    var (accuracy, f1, threshold) = run.CrossValidateOnly();
                    Console.Out.WriteLine($"cv accuracy {accuracy:0.0000} macro-F1 {f1:0.0000} threshold {threshold:0.00} ({options})");
                    return 0;
                }

                var card = run.Execute(TimeProvider.System);
                foreach (var (k, v) in card.Metrics) Console.Out.WriteLine($"{k,-32} {v}");
                return 0;
            }
            catch (Exception ex) when (ex is TrainingDataException or CatalogException or IOException)
            {
                Console.Error.WriteLine($"chatops train: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
