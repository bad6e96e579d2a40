using System.Text;
using ChatOps.Core.Parsing;
using ChatOps.Language.Recognizers;

namespace ChatOps.Language;

/// <summary>Replaces recognized entities with placeholders so the classifier learns "deploy SVC to ENV", not the catalog's names.</summary>
public static class Delexicalizer
{
    /// <summary>The normalized message with each match replaced by its placeholder word, spaced apart.</summary>
    public static string Apply(string normalized, IReadOnlyList<EntityMatch> matches)
    {
        var sb = new StringBuilder(normalized.Length + 16);
        var at = 0;
        foreach (var m in matches)
        {
            sb.Append(normalized, at, m.Start - at);
            sb.Append(' ').Append(Placeholder(m.Entity)).Append(' ');
            at = m.End;
        }

        sb.Append(normalized, at, normalized.Length - at);
        return StripMentions(sb);
    }

    /// <summary>The placeholder word for an entity or candidate kind.</summary>
    public static string Placeholder(string entity) => entity switch
    {
        EntityNames.Service => "svcx",
        EntityNames.Environment => "envx",
        EntityNames.Ref or CandidateKinds.LooseRef => "refx",
        EntityNames.Workflow => "wfx",
        EntityNames.Project => "projx",
        EntityNames.Namespace => "nsx",
        EntityNames.Pod => "podx",
        EntityNames.Since => "durx",
        EntityNames.PipelineId => "pidx",
        CandidateKinds.Name => "namex",
        _ => "numx",
    };

    // Slack mentions ("<@U02BOT>", "@chatops") carry no intent: the first is the bot, the rest are people.
    private static string StripMentions(StringBuilder sb)
    {
        var s = sb.ToString();
        if (s.IndexOf('@') < 0) return s;
        var result = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var isMention = s[i] == '@' && (i == 0 || s[i - 1] is ' ' or '<');
            if (!isMention)
            {
                result.Append(s[i++]);
                continue;
            }

            var end = i + 1;
            while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] is '_' or '.' or '-')) end++;
            if (end < s.Length && s[end] == '>') end++;
            if (result.Length > 0 && result[^1] == '<') result.Length--;
            result.Append(" userx ");
            i = end;
        }

        return result.ToString();
    }
}
