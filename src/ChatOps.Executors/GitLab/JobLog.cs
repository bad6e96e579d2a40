using System.Text.RegularExpressions;

namespace ChatOps.Executors.GitLab;

/// <summary>Cleans a raw job trace (gitlab.md E15): drops ANSI colour escapes and collapsible-section markers.</summary>
internal static partial class JobLog
{
    public static string Clean(string trace) =>
        Ansi().Replace(Section().Replace(trace, ""), "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    [GeneratedRegex(@"section_(start|end):\d+:[^\r\n]*\r")]
    private static partial Regex Section();

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();
}
