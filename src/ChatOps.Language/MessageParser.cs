using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Language.Model;
using ChatOps.Language.Recognizers;

namespace ChatOps.Language;

/// <summary>The language layer: recognizers find entities, the delexicalised text is classified, and the intent settles the entities.</summary>
public sealed class MessageParser : IMessageParser
{
    /// <summary>Longer messages are cut here before parsing; nobody types a command this long.</summary>
    public const int MaxLength = 4000;

    private readonly RecognizerChain _chain;
    private readonly IntentClassifier _classifier;

    public MessageParser(ServiceCatalog catalog, IntentClassifier classifier)
    {
        _chain = RecognizerChain.For(catalog);
        _classifier = classifier;
    }

    /// <summary>The out-of-scope threshold in force (from the model card).</summary>
    public float Threshold => _classifier.Card.OutOfScopeThreshold;

    /// <inheritdoc />
    public ParseResult Parse(string text)
    {
        text ??= "";
        var input = new RecognizerInput(text.Length > MaxLength ? text[..MaxLength] : text);
        var matches = _chain.Recognize(input);
        var delexicalised = Delexicalizer.Apply(input.Normalized, matches);
        if (string.IsNullOrWhiteSpace(delexicalised))
        {
            return new ParseResult(text, IntentNames.OutOfScope, 1f, [new IntentScore(IntentNames.OutOfScope, 1f)], ParsedEntities.Empty);
        }

        var scores = _classifier.Predict(delexicalised);
        var (intent, confidence) = Decide(scores, Threshold);
        return new ParseResult(text, intent, confidence, scores, EntityResolver.Resolve(input.Normalized, matches, intent));
    }

    /// <inheritdoc />
    public ParsedEntities ExtractEntities(string text, string intent)
    {
        var input = new RecognizerInput(text.Length > MaxLength ? text[..MaxLength] : text ?? "");
        return EntityResolver.Resolve(input.Normalized, _chain.Recognize(input), intent);
    }

    /// <summary>The top intent, or out_of_scope when its probability is under the threshold chosen at training.</summary>
    internal static (string Intent, float Confidence) Decide(IReadOnlyList<IntentScore> scores, float threshold)
    {
        var top = scores[0];
        return top.Score >= threshold || top.Intent == IntentNames.OutOfScope
            ? (top.Intent, top.Score)
            : (IntentNames.OutOfScope, 1f - top.Score);
    }

    /// <summary>The text the classifier sees for <paramref name="text"/>: entities replaced by placeholders.</summary>
    public string Delexicalize(string text) => Delexicalize(_chain, text);

    /// <summary>Delexicalises with a given chain (training uses the same code path as serving).</summary>
    public static string Delexicalize(RecognizerChain chain, string text)
    {
        var input = new RecognizerInput(text.Length > MaxLength ? text[..MaxLength] : text);
        return Delexicalizer.Apply(input.Normalized, chain.Recognize(input));
    }
}
