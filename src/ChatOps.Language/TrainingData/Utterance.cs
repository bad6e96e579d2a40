using ChatOps.Core.Parsing;

namespace ChatOps.Language.TrainingData;

/// <summary>One labelled example: the plain text, its intent, the marked spans and the entities they normalize to.</summary>
public sealed record Utterance(string Text, string Intent, IReadOnlyList<AnnotatedSpan> Spans, ParsedEntities Entities)
{
    /// <summary>Where it came from, "file:line", for error messages.</summary>
    public string Source { get; init; } = "";
}
