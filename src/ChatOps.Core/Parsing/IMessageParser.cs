namespace ChatOps.Core.Parsing;

/// <summary>Turns one chat message into a <see cref="ParseResult"/>; never throws on any text.</summary>
public interface IMessageParser
{
    /// <summary>Parses <paramref name="text"/>; safe to call from many threads at once.</summary>
    ParseResult Parse(string text);

    /// <summary>The entities of <paramref name="text"/> read as if its intent were <paramref name="intent"/> (answers to "how many replicas?").</summary>
    ParsedEntities ExtractEntities(string text, string intent);
}
