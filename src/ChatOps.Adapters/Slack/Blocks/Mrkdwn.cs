using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Adapters.Slack.Blocks;

/// <summary>Slack mrkdwn escaping (contract §7): only &amp;, &lt; and &gt; are replaced; our *bold*, `code` and &lt;@U…&gt; mentions pass through.</summary>
public static partial class Mrkdwn
{
    [GeneratedRegex(@"<@[A-Za-z0-9]+>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"https?://[^\s<>|`*]+[^\s<>|`*.,;:!?)]")]
    private static partial Regex Url();

    /// <summary>Escapes text for a mrkdwn or plain_text object, keeping user mentions, and links bare URLs (needed with <c>verbatim</c>).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match mention in UserMention().Matches(text))
        {
            result.Append(EscapeOnly(text.AsSpan(last, mention.Index - last))).Append(mention.Value);
            last = mention.Index + mention.Length;
        }

        result.Append(EscapeOnly(text.AsSpan(last)));
        return LinkUrls(result.ToString());
    }

    /// <summary>Turns Slack's escaped message text back into what the person typed (the reverse of the three replacements).</summary>
    public static string Decode(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Text without our marks, for plain_text objects and notification fallbacks.</summary>
    public static string Plain(string text) => text.Replace("*", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);

    /// <summary>Cuts text to <paramref name="limit"/> characters with an ellipsis, never inside an entity such as &amp;amp;.</summary>
    public static string Truncate(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var cut = SafeCut(text, limit - 1);
        return text[..cut] + "…";
    }

    /// <summary>The largest index ≤ <paramref name="at"/> that does not split an entity or a surrogate pair.</summary>
    internal static int SafeCut(string text, int at)
    {
        var amp = text.LastIndexOf('&', Math.Max(0, at - 1), Math.Min(at, 5));
        if (amp >= 0 && text.IndexOf(';', amp) is var semi && semi >= at) at = amp;
        if (at > 0 && at < text.Length && char.IsLowSurrogate(text[at])) at--;
        return at;
    }

    private static string EscapeOnly(ReadOnlySpan<char> text) =>
        text.ToString().Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    // why: with verbatim on (so pasted @everyone stays text) Slack links nothing itself; code spans keep URLs as typed
    private static string LinkUrls(string text)
    {
        if (!text.Contains("http", StringComparison.Ordinal)) return text;
        var parts = text.Split('`');
        for (var i = 0; i < parts.Length; i += 2) parts[i] = Url().Replace(parts[i], m => $"<{m.Value}>");
        return string.Join('`', parts);
    }
}
