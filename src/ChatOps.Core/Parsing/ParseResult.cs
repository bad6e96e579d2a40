namespace ChatOps.Core.Parsing;

/// <summary>What the language layer understood of one message: the intent, every intent's score, and the entities.</summary>
/// <param name="Text">The message as received.</param>
/// <param name="Intent">The chosen intent (out_of_scope when nothing is confident).</param>
/// <param name="Confidence">The calibrated probability of the top intent.</param>
/// <param name="Scores">Every intent's score, best first, so the dialog can ask "did you mean X or Y?" without a second call.</param>
/// <param name="Entities">The normalized entities.</param>
public sealed record ParseResult(
    string Text,
    string Intent,
    float Confidence,
    IReadOnlyList<IntentScore> Scores,
    ParsedEntities Entities)
{
    /// <summary>The best <paramref name="count"/> intents, best first.</summary>
    public IEnumerable<IntentScore> Top(int count) => Scores.Take(count);
}
