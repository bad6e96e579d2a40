using System.CommandLine;
using System.Globalization;
using ChatOps.Core.Catalog;
using ChatOps.Language.Evaluation;
using ChatOps.Language.TrainingData;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops eval`: scores the model on a labelled folder (the held-apart test split by default).</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of labelled intent files", DefaultValueFactory = _ => RepoPaths.TestSplit };
        var misses = new Option<bool>("--misses") { Description = "List every line the parser gets wrong" };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object (with parse latency)" };
        var catalog = CommonOptions.Catalog();
        var model = CommonOptions.Model();
        var command = new Command("eval", "Score the model on labelled data") { data, misses, json, catalog, model };
        command.SetAction(result =>
        {
            var parser = ParserFactory.TryCreate(result.GetValue(catalog)!, result.GetValue(model)!, Console.Error);
            if (parser is null) return 2;
            try
            {
                var utterances = TrainingDataLoader.LoadFolder(result.GetValue(data)!, CatalogLoader.Load(result.GetValue(catalog)!));
                var e = NluEvaluation.Run(parser, utterances);
                if (result.GetValue(json))
                {
                    Console.Out.WriteLine(EvalJson.Write(e, parser, utterances));
                    return 0;
                }

                Print("lines", e.Metrics.Count);
                Print("intent accuracy", e.Metrics.Accuracy);
                Print("macro-F1", e.Metrics.MacroF1);
                Print("out-of-scope recall", e.OutOfScopeRecall);
                Print("out-of-scope precision", e.OutOfScopePrecision);
                Print("in-scope false rejection", e.InScopeFalseRejection);
                Print("entities exactly right", e.EntityExactMatch);
                if (result.GetValue(misses))
                {
                    foreach (var m in e.Misses) Console.Out.WriteLine($"{m.Source}\t{m.Text}\n    gold: {m.GoldIntent} {m.GoldEntities}\n    got:  {m.PredictedIntent} {m.PredictedEntities}");
                }

                return 0;
            }
            catch (Exception ex) when (ex is TrainingDataException or CatalogException)
            {
                Console.Error.WriteLine($"chatops eval: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void Print(string name, double value) =>
        Console.Out.WriteLine($"{name,-28} {value.ToString(value >= 2 ? "0" : "0.0000", CultureInfo.InvariantCulture)}");
}
