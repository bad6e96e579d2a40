using ChatOps.Core.Parsing;
using ChatOps.Core.Telemetry;

namespace ChatOps.Cli.Hosting;

/// <summary>Counts recognised intents and records their confidence for <c>/metrics</c>.</summary>
public sealed class MeteredMessageParser(IMessageParser inner) : IMessageParser
{
    /// <inheritdoc />
    public ParseResult Parse(string text)
    {
        var result = inner.Parse(text);
        var intent = new KeyValuePair<string, object?>("intent", result.Intent);
        BotMetrics.Intents.Add(1, intent);
        BotMetrics.Confidence.Record(result.Confidence, intent);
        return result;
    }

    /// <inheritdoc />
    public ParsedEntities ExtractEntities(string text, string intent) => inner.ExtractEntities(text, intent);
}
