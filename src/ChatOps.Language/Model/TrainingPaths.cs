namespace ChatOps.Language.Model;

/// <summary>Where `chatops train` reads data and writes the model, card and report.</summary>
public sealed record TrainingPaths(string IntentsFolder, string CatalogFile, string? TestFolder, string ModelFile, string? ReportFile)
{
    /// <summary>The card is always model-card.json beside the model zip.</summary>
    public string CardFile => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ModelFile))!, "model-card.json");

    /// <summary>The conventional layout under a repository root.</summary>
    public static TrainingPaths Under(string root) => new(
        Path.Combine(root, "training-data", "intents"),
        Path.Combine(root, "training-data", "catalog.yaml"),
        Path.Combine(root, "training-data", "test"),
        Path.Combine(root, "models", "intent-model.zip"),
        Path.Combine(root, "docs", "model-report.md"));
}
