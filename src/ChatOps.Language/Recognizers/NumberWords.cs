namespace ChatOps.Language.Recognizers;

/// <summary>Reads numbers written as English words ("twenty five") or Chinese numerals ("十五", "两百").</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, long> English = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18,
        ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["dozen"] = 12,
    };

    /// <summary>True when <paramref name="word"/> is an English number word or "hundred"/"thousand".</summary>
    public static bool IsEnglishWord(string word) => English.ContainsKey(word) || word is "hundred" or "thousand";

    /// <summary>The value of English number words ("two hundred fifty"), or null when they do not form a number.</summary>
    public static long? ParseEnglish(IReadOnlyList<string> words)
    {
        long total = 0, current = 0;
        var any = false;
        foreach (var w in words)
        {
            if (w is "and" or "a") continue;
            if (English.TryGetValue(w, out var v)) current += v;
            else if (w == "hundred") current = Math.Max(current, 1) * 100;
            else if (w == "thousand") { total += Math.Max(current, 1) * 1000; current = 0; }
            else return null;
            any = true;
        }

        return any ? total + current : null;
    }

    /// <summary>True for a character that can be part of a Chinese numeral.</summary>
    public static bool IsChineseDigit(char c) => "零〇一二两三四五六七八九十百千万".Contains(c);

    /// <summary>The value of a Chinese numeral ("十五" → 15, "两百" → 200, "一千二" → 1200), or null.</summary>
    public static long? ParseChinese(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 12) return null;
        long total = 0, section = 0, digit = 0;
        var lastUnit = 1L;
        foreach (var c in s)
        {
            var d = "零一二三四五六七八九".IndexOf(c);
            if (c == '〇') d = 0;
            if (c == '两') d = 2;
            if (d >= 0) { digit = d; continue; }
            long unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0) return null;
            if (unit == 10000) { total = (total + section + digit) * 10000; section = 0; digit = 0; lastUnit = 10000; continue; }
            section += (digit == 0 && unit == 10 ? 1 : digit) * unit;
            digit = 0;
            lastUnit = unit;
        }

        // "一千二" means 1200: a trailing digit after a unit counts one unit lower.
        if (digit > 0 && lastUnit >= 100 && s.Length >= 2 && !"十百千万".Contains(s[^1]) && "十百千".Contains(s[^2]))
        {
            return total + section + digit * (lastUnit / 10);
        }

        return total + section + digit;
    }
}
