using ChatOps.Language.Text;

namespace ChatOps.Language.Recognizers;

/// <summary>Splits normalized text into ASCII identifier tokens (names, refs, paths, numbers) and reads the words around them.</summary>
internal static class TokenScanner
{
    /// <summary>A token's position in the normalized text.</summary>
    internal readonly record struct Token(int Start, int Length)
    {
        public int End => Start + Length;
    }

    /// <summary>Maximal runs of [a-z0-9_-/.], with trailing punctuation trimmed.</summary>
    public static List<Token> Scan(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]) || text[i] is '.' or '-' or '/')
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && IsTokenChar(text[end])) end++;
            var trimmed = end;
            while (trimmed > i && text[trimmed - 1] is '.' or '-' or '/' or '_') trimmed--;
            tokens.Add(new Token(i, trimmed - i));
            i = end;
        }

        return tokens;
    }

    public static bool IsTokenChar(char c) => TextNormalizer.IsWordChar(c) || c == '.';

    /// <summary>Up to <paramref name="max"/> characters before <paramref name="start"/>, without the spaces, '=', ':' and '#' that separate a cue from its value.</summary>
    public static ReadOnlySpan<char> Before(string text, int start, int max = 16)
    {
        var end = start;
        while (end > 0 && text[end - 1] is ' ' or '=' or ':' or '#' or '\t') end--;
        var from = Math.Max(0, end - max);
        return text.AsSpan(from, end - from);
    }

    /// <summary>Up to <paramref name="max"/> characters after <paramref name="end"/>, without leading spaces.</summary>
    public static ReadOnlySpan<char> After(string text, int end, int max = 16)
    {
        var from = end;
        while (from < text.Length && text[from] is ' ' or '\t') from++;
        return text.AsSpan(from, Math.Min(max, text.Length - from));
    }

    /// <summary>True when <paramref name="before"/> ends with one of the words (a whole ASCII word, or any CJK cue).</summary>
    public static bool EndsWithWord(ReadOnlySpan<char> before, IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            if (!before.EndsWith(w, StringComparison.Ordinal)) continue;
            if (w[0] >= 128) return true;
            var at = before.Length - w.Length;
            if (at == 0 || !TextNormalizer.IsWordChar(before[at - 1])) return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="after"/> starts with one of the words (a whole ASCII word, or any CJK cue).</summary>
    public static bool StartsWithWord(ReadOnlySpan<char> after, IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            if (!after.StartsWith(w, StringComparison.Ordinal)) continue;
            if (w[0] >= 128 || after.Length == w.Length || !TextNormalizer.IsWordChar(after[w.Length])) return true;
        }

        return false;
    }

    /// <summary>True for a DNS-1123 label: lower-case letters, digits and '-', at most 63, starting and ending alphanumeric.</summary>
    public static bool IsDnsLabel(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 63 || s[0] == '-' || s[^1] == '-') return false;
        foreach (var c in s)
        {
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return false;
        }

        return true;
    }

    /// <summary>True when the span holds at least one ASCII letter.</summary>
    public static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is >= 'a' and <= 'z') return true;
        }

        return false;
    }
}
