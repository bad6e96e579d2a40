using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Audit;

/// <summary>Reads the "since" of an audit filter as people write it: today, yesterday, 90m, 2h, 7d, or an ISO date or time.</summary>
public static partial class AuditSince
{
    [GeneratedRegex(@"^(\d{1,6})(m|h|d)$")]
    private static partial Regex Relative();

    /// <summary>The moment <paramref name="text"/> means at <paramref name="now"/>, or null when it is not one of the forms above.</summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim().ToLowerInvariant();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (value == "today") return today;
        if (value == "yesterday") return today.AddDays(-1);
        if (Relative().Match(value) is { Success: true } m)
        {
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "m" => now.AddMinutes(-n), "h" => now.AddHours(-n), _ => now.AddDays(-n) };
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
