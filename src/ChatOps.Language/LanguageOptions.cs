namespace ChatOps.Language;

/// <summary>Where the language layer's files are; bound from the "Language" configuration section.</summary>
public sealed record LanguageOptions
{
    /// <summary>The trained model zip; model-card.json must sit beside it.</summary>
    public string ModelPath { get; init; } = "models/intent-model.zip";
}
