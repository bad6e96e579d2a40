namespace ChatOps.Language.Recognizers;

/// <summary>A span of the message that a recognizer claims, with its normalized value.</summary>
/// <param name="Entity">An entity name of the contract, or a <see cref="CandidateKinds"/> kind to be settled by intent.</param>
/// <param name="Start">Offset in the message.</param>
/// <param name="Length">Length of the span.</param>
/// <param name="Value">A string, an integer (long) or, for services, the canonical name.</param>
/// <param name="Confidence">How sure the recognizer is, 0..1; exact catalog names are 1.</param>
/// <param name="Priority">Which claim wins an overlap of equal length: higher wins.</param>
public sealed record EntityMatch(string Entity, int Start, int Length, object Value, double Confidence, int Priority)
{
    /// <summary>The offset just past the span.</summary>
    public int End => Start + Length;

    /// <summary>True when the two spans share a character.</summary>
    public bool Overlaps(EntityMatch other) => Start < other.End && other.Start < End;
}
