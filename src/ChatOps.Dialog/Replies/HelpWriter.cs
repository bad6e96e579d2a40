using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Slots;

namespace ChatOps.Dialog.Replies;

/// <summary>Help generated from the intent definitions, listing only what the executor can serve.</summary>
public static class HelpWriter
{
    private static readonly string[] Conversational = [IntentNames.ContextSet, IntentNames.ContextShow];

    /// <summary>Help for the command a "how do I…?" question is about (<paramref name="topic"/>), or the whole list.</summary>
    public static Reply Write(ParseResult? topic, IReadOnlySet<string> supported, string language)
    {
        var about = topic?.Intent;
        var known = about is not null && (Conversational.Contains(about) || (IntentDefinitions.Find(about) is not null && supported.Contains(about)));
        return Reply.Plain(known ? For(about!, language) : All(supported, language), language);
    }

    /// <summary>Every command this deployment can serve, with what it needs and two examples.</summary>
    public static string All(IReadOnlySet<string> supported, string language)
    {
        var lines = new List<string> { Texts.Get("HelpHeader", language) };
        var intents = IntentDefinitions.Commands.Select(d => d.Intent).Where(supported.Contains).Concat(Conversational);
        lines.AddRange(intents.Select(i => Line("HelpLine", i, language)));
        lines.Add(Texts.Get("HelpFooter", language));
        return string.Join('\n', lines);
    }

    /// <summary>How to do one command.</summary>
    public static string For(string intent, string language) => Line("HelpFor", intent, language);

    private static string Line(string key, string intent, string language)
    {
        var (first, second) = Texts.Examples(intent, language);
        var needs = IntentDefinitions.Find(intent)?.Required
            .Select(g => string.Join("/", g.Select(s => Texts.Get("Slot_" + s, language))))
            .ToList() ?? [];
        var needsText = needs.Count == 0 ? "" : Texts.Get("HelpNeeds", language, string.Join(", ", needs));
        return Texts.Get(key, language, intent, Texts.Get("Intent_" + intent, language), needsText, first, second);
    }
}
