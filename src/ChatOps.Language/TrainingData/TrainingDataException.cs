namespace ChatOps.Language.TrainingData;

/// <summary>Thrown when training files are invalid; the message lists every problem as "file:line: what to fix".</summary>
public sealed class TrainingDataException(IReadOnlyList<string> errors)
    : Exception("training data has problems:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors.Take(50)))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
