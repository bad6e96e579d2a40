namespace ChatOps.Language.TrainingData;

/// <summary>One marked entity of a training line: where it is in the plain text, its entity and its value as marked.</summary>
public sealed record AnnotatedSpan(int Start, int Length, string Entity, string Text, string? Value);
