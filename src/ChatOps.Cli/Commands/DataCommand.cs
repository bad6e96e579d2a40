using System.CommandLine;
using ChatOps.Core.Catalog;
using ChatOps.Language.TrainingData;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops data export|import`: training data as JSON lines or Rasa nlu.yml, and back.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Convert training data to and from JSON lines and Rasa nlu.yml");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Option<string> Format() => new("--format")
    {
        Description = "jsonl or rasa",
        DefaultValueFactory = _ => "jsonl",
        Validators = { r => { if (r.GetValueOrDefault<string>() is not ("jsonl" or "rasa")) r.AddError("--format must be jsonl or rasa"); } },
    };

    private static Command Export()
    {
        var format = Format();
        var data = new Option<string>("--data") { Description = "Folder of intent files", DefaultValueFactory = _ => Path.Combine(RepoPaths.Root, "training-data", "intents") };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var folds = new Option<int>("--folds") { Description = "Add a \"fold\" field (0..N-1): the stratified folds `chatops train` cross-validates on" };
        var seed = new Option<int>("--seed") { Description = "Seed of the folds (the training default is 42)", DefaultValueFactory = _ => 42 };
        var catalog = CommonOptions.Catalog();
        var command = new Command("export", "Write the training data as JSON lines or a Rasa nlu.yml") { format, data, output, folds, seed, catalog };
        command.SetAction(result =>
        {
            try
            {
                var utterances = TrainingDataLoader.LoadFolder(result.GetValue(data)!, CatalogLoader.Load(result.GetValue(catalog)!));
                using var writer = result.GetValue(output) is { } path ? new StreamWriter(path) : new StreamWriter(Console.OpenStandardOutput());
                if (result.GetValue(format) == "rasa") TrainingDataExporter.WriteRasa(utterances, writer);
                else if (result.GetValue(folds) > 1)
                {
                    var rows = utterances.Select(u => new ChatOps.Language.Model.IntentRow { Text = u.Text, Intent = u.Intent }).ToList();
                    TrainingDataExporter.WriteJsonl(utterances, writer, ChatOps.Language.Model.IntentTrainer.AssignFolds(rows, result.GetValue(folds), result.GetValue(seed)));
                }
                else TrainingDataExporter.WriteJsonl(utterances, writer);
                return 0;
            }
            catch (Exception ex) when (ex is TrainingDataException or CatalogException or IOException)
            {
                Console.Error.WriteLine($"chatops data export: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command Import()
    {
        var format = Format();
        var input = new Option<string>("--in") { Description = "File to read (JSON lines or Rasa nlu.yml)", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write intent files into", Required = true };
        var command = new Command("import", "Read JSON lines or a Rasa nlu.yml into intent files") { format, input, output };
        command.SetAction(result =>
        {
            var errors = new List<string>();
            try
            {
                using var reader = new StreamReader(result.GetValue(input)!);
                var data = result.GetValue(format) == "rasa" ? TrainingDataImporter.ReadRasa(reader, errors) : TrainingDataImporter.ReadJsonl(reader, errors);
                TrainingDataImporter.WriteIntentFiles(data, result.GetValue(output)!);
                foreach (var e in errors) Console.Error.WriteLine($"chatops data import: skipped {e}");
                Console.Out.WriteLine($"wrote {data.Values.Sum(v => v.Count)} examples of {data.Count} intents to {result.GetValue(output)}");
                return errors.Count == 0 ? 0 : 1;
            }
            catch (Exception ex) when (ex is IOException or YamlDotNet.Core.YamlException)
            {
                Console.Error.WriteLine($"chatops data import: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
