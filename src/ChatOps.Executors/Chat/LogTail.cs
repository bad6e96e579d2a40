using System.Text;

namespace ChatOps.Executors.Chat;

/// <summary>Cuts a log to the newest lines that fit a chat message and says how much was left out.</summary>
internal static class LogTail
{
    /// <summary>The text to show (a summary line plus a code block) and, when cut, the full log to attach.</summary>
    public static (string Text, string? Attachment) Cut(string log, int budget = ChatText.LogBudget)
    {
        var lines = log.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        if (log.Length == 0)
        {
            return ("the log is empty", null);
        }

        var kept = 0;
        var used = 0;
        for (var i = lines.Length - 1; i >= 0 && used + lines[i].Length + 1 <= budget; i--)
        {
            used += lines[i].Length + 1;
            kept++;
        }

        if (kept == 0)
        {
            // why: one huge line still shows its end rather than nothing
            lines[^1] = "…" + lines[^1][^(budget - 1)..];
            kept = 1;
        }

        var size = ChatText.Size(Encoding.UTF8.GetByteCount(log));
        var body = "```\n" + string.Join('\n', lines[^kept..]) + "\n```";
        return kept == lines.Length
            ? ($"{ChatText.Number(lines.Length)} lines ({size})\n{body}", null)
            : ($"showing last {ChatText.Number(kept)} of {ChatText.Number(lines.Length)} lines ({size}); full log attached\n{body}", log);
    }
}
