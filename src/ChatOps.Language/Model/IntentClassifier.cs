using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatOps.Language.Model;

/// <summary>Scores delexicalised text against every intent with the trained model; thread-safe through a pool of prediction engines.</summary>
public sealed class IntentClassifier
{
    private readonly ObjectPool<PredictionEngine<IntentRow, IntentPrediction>> _engines;
    private readonly string[] _labels;

    private IntentClassifier(MLContext ml, ITransformer model, ModelCard card)
    {
        Card = card;
        var probe = ml.Model.CreatePredictionEngine<IntentRow, IntentPrediction>(model);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        probe.OutputSchema["Score"].GetSlotNames(ref names);
        _labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines = new DefaultObjectPool<PredictionEngine<IntentRow, IntentPrediction>>(new EnginePolicy(ml, model), Environment.ProcessorCount * 4);
        _engines.Return(probe);
    }

    /// <summary>The card the model was loaded with.</summary>
    public ModelCard Card { get; }

    /// <summary>Loads a model zip and the model-card.json beside it, refusing a card of another schema version.</summary>
    public static IntentClassifier Load(string modelPath)
    {
        if (!File.Exists(modelPath)) throw new ModelCardException($"model {modelPath} not found: run `make train`, or set Language:ModelPath / --model");
        var card = ModelCard.Read(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, "model-card.json"));
        if (card.SchemaVersion != ModelCard.CurrentSchemaVersion)
        {
            throw new ModelCardException(
                $"{modelPath} was trained for NLU schema version {card.SchemaVersion}, but this build needs version {ModelCard.CurrentSchemaVersion}: run `make train` to retrain it");
        }

        var unknown = card.Intents.Except(IntentNames.All).ToList();
        if (unknown.Count > 0) throw new ModelCardException($"{modelPath} predicts intents this build does not know ({string.Join(", ", unknown)}): run `make train`");
        var ml = new MLContext(card.Seed);
        var model = ml.Model.Load(modelPath, out _);
        return new IntentClassifier(ml, model, card);
    }

    /// <summary>Wraps an in-memory model (training and cross-validation).</summary>
    internal static IntentClassifier FromModel(MLContext ml, ITransformer model, ModelCard card) => new(ml, model, card);

    /// <summary>Every intent's probability for <paramref name="delexicalised"/>, best first.</summary>
    public IntentScore[] Predict(string delexicalised)
    {
        var engine = _engines.Get();
        try
        {
            var scores = engine.Predict(new IntentRow { Text = delexicalised }).Score;
            var result = new IntentScore[_labels.Length];
            for (var i = 0; i < result.Length; i++) result[i] = new IntentScore(_labels[i], scores[i]);
            Array.Sort(result, static (a, b) => b.Score.CompareTo(a.Score));
            return result;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<IntentRow, IntentPrediction>>
    {
        public override PredictionEngine<IntentRow, IntentPrediction> Create() => ml.Model.CreatePredictionEngine<IntentRow, IntentPrediction>(model);

        public override bool Return(PredictionEngine<IntentRow, IntentPrediction> obj) => true;
    }
}
