using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Language.Model;

/// <summary>What a trained model is and how good it was: written beside intent-model.zip and checked when the model is loaded.</summary>
public sealed record ModelCard
{
    /// <summary>The NLU schema version this build understands; a card with another version is refused.</summary>
    /// <remarks>2: intent runs.list added (a model of version 1 cannot predict it).</remarks>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public string CreatedAt { get; init; } = "";
    public int Seed { get; init; }
    public string MlNetVersion { get; init; } = "";
    public string Trainer { get; init; } = "";
    public Dictionary<string, object> Hyperparameters { get; init; } = [];
    public string DataHash { get; init; } = "";
    public int TrainingExamples { get; init; }
    public IReadOnlyList<string> Intents { get; init; } = [];
    public float OutOfScopeThreshold { get; init; }
    public Dictionary<string, double> Metrics { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The card as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a card; throws <see cref="ModelCardException"/> with what to do when it cannot.</summary>
    public static ModelCard Read(string path)
    {
        if (!File.Exists(path)) throw new ModelCardException($"{path} is missing: run `make train` to write the model and its card");
        try
        {
            return JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json)
                ?? throw new ModelCardException($"{path} is empty: run `make train`");
        }
        catch (JsonException ex)
        {
            throw new ModelCardException($"{path} is not a valid model card ({ex.Message}): run `make train`");
        }
    }
}
