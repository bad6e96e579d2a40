using ChatOps.Core.Catalog;
using ChatOps.Language.Model;
using ChatOps.Language.Recognizers;
using ChatOps.Language.TrainingData;

namespace ChatOps.Language.Tests.Model;

/// <summary>Trains a small model once for the model tests: 25 lines per intent, two folds.</summary>
public sealed class TinyModelFixture
{
    public TinyModelFixture()
    {
        Catalog = CatalogLoader.Load(TestPaths.Catalog);
        var chain = RecognizerChain.For(Catalog);
        Rows = TrainingDataLoader.LoadFolder(TestPaths.Intents, Catalog)
            .GroupBy(u => u.Intent).SelectMany(g => g.Take(25))
            .Select(u => new IntentRow { Text = MessageParser.Delexicalize(chain, u.Text), Intent = u.Intent }).ToList();
        Folder = Directory.CreateTempSubdirectory("chatops-model").FullName;
        ModelPath = Path.Combine(Folder, "intent-model.zip");
        var outcome = new IntentTrainer(Options).Train(Rows);
        outcome.Ml.Model.Save(outcome.Model, outcome.Schema, ModelPath);
        File.WriteAllText(Path.Combine(Folder, "model-card.json"), new ModelCard { Seed = Options.Seed, Intents = Rows.Select(r => r.Intent).Distinct().ToList(), OutOfScopeThreshold = outcome.Threshold }.ToJson());
    }

    public TrainerOptions Options { get; } = new() { Folds = 2, Seed = 7 };
    public ServiceCatalog Catalog { get; }
    public List<IntentRow> Rows { get; }
    public string Folder { get; }
    public string ModelPath { get; }
}
