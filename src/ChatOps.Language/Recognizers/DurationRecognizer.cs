using System.Text.RegularExpressions;
using ChatOps.Core.Parsing;

namespace ChatOps.Language.Recognizers;

/// <summary>Finds look-back windows ("last 15 minutes", "past hour", "30m", "过去一小时") and converts them to seconds.</summary>
public sealed partial class DurationRecognizer : IEntityRecognizer
{
    private const string CountPattern = "\\d{1,6}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|couple(?: of)?|few";

    [GeneratedRegex(@"(?<![a-z0-9_\-./])(?<n>" + CountPattern + @")\s*-?\s*(?<u>seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)(?![a-z0-9_\-/])")]
    private static partial Regex EnglishCounted();

    [GeneratedRegex(@"\b(?:last|past|previous|prior)\s+(?<u>minute|hour|day|week|half hour)\b")]
    private static partial Regex EnglishImplicit();

    [GeneratedRegex(@"\bhalf an? hour\b")]
    private static partial Regex HalfHour();

    [GeneratedRegex(@"(?<n>\d{1,6}|[零一二两三四五六七八九十百]{1,4}|半)\s*个?\s*(?<u>秒钟|秒|分钟|分|小时|钟头|天|日|周|星期|礼拜)")]
    private static partial Regex Chinese();

    /// <inheritdoc />
    public void Recognize(RecognizerInput input, List<EntityMatch> matches)
    {
        var text = input.Normalized;
        foreach (Match m in EnglishCounted().Matches(text))
        {
            if (EnglishCount(m.Groups["n"].Value) is { } n && UnitSeconds(m.Groups["u"].Value) is { } unit)
            {
                var isBareLetter = m.Groups["u"].Value.Length == 1;
                if (isBareLetter && !char.IsDigit(m.Groups["n"].Value[0])) continue; // "a m" is not a minute.
                Add(m, n * unit, matches);
            }
        }

        foreach (Match m in EnglishImplicit().Matches(text))
        {
            var u = m.Groups["u"];
            var seconds = u.Value == "half hour" ? 1800 : UnitSeconds(u.Value)!.Value;
            matches.Add(new EntityMatch(EntityNames.Since, u.Index, u.Length, seconds, 0.85, 40));
        }

        foreach (Match m in HalfHour().Matches(text)) Add(m, 1800, matches);

        foreach (Match m in Chinese().Matches(text))
        {
            var n = m.Groups["n"].Value;
            var u = m.Groups["u"].Value;
            if (u == "分" && !char.IsDigit(n[0])) continue; // "十分" is "very", not ten minutes.
            long? count = n == "半" ? null : char.IsDigit(n[0]) ? long.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : NumberWords.ParseChinese(n);
            var unit = ChineseUnitSeconds(u);
            var seconds = n == "半" ? unit / 2 : count * unit;
            if (seconds is { } s) Add(m, s, matches);
        }
    }

    private static void Add(Match m, long seconds, List<EntityMatch> matches)
    {
        if (seconds is <= 0 or > int.MaxValue) return;
        matches.Add(new EntityMatch(EntityNames.Since, m.Index, m.Length, seconds, 0.9, 40));
    }

    private static long? EnglishCount(string n) => n switch
    {
        "a" or "an" or "one" => 1,
        "couple" or "couple of" => 2,
        "few" => 3,
        "forty-five" => 45,
        _ when char.IsDigit(n[0]) => long.Parse(n, System.Globalization.CultureInfo.InvariantCulture),
        _ => NumberWords.ParseEnglish([n]),
    };

    private static long? UnitSeconds(string u) => u[0] switch
    {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86400,
        'w' => 604800,
        _ => null,
    };

    private static long ChineseUnitSeconds(string u) => u switch
    {
        "秒" or "秒钟" => 1,
        "分钟" or "分" => 60,
        "小时" or "钟头" => 3600,
        "天" or "日" => 86400,
        _ => 604800,
    };
}
