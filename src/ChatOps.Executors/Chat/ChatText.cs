using System.Globalization;

namespace ChatOps.Executors.Chat;

/// <summary>Small formatting rules shared by every reply: code marks, kubectl-style ages, sizes.</summary>
internal static class ChatText
{
    /// <summary>The chat budget for one block of log text.</summary>
    public const int LogBudget = 3000;

    public static string Code(string text) => $"`{text.Replace("`", "'", StringComparison.Ordinal)}`";

    /// <summary>kubectl's short age: 45s, 12m, 3h20m, 4d5h.</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 120 ? $"{(int)age.TotalSeconds}s"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 24 ? (age.Minutes == 0 ? $"{(int)age.TotalHours}h" : $"{(int)age.TotalHours}h{age.Minutes}m")
            : age.Hours == 0 ? $"{(int)age.TotalDays}d" : $"{(int)age.TotalDays}d{age.Hours}h";
    }

    public static string Seconds(double? seconds) => seconds is { } s ? Age(TimeSpan.FromSeconds(s)) : "-";

    public static string Size(long bytes) => bytes < 1024
        ? $"{bytes} B"
        : (bytes / 1024.0).ToString(bytes < 10 * 1024 ? "0.0" : "0", CultureInfo.InvariantCulture) + " KB";

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>"a=1, b=2" for variables and inputs in plans.</summary>
    public static string Pairs(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"));
}
