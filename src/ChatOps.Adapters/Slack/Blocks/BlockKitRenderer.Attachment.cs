using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Slack.Blocks;

public static partial class BlockKitRenderer
{
    // why: the contract names no file-upload method yet, so long output shows its tail in a code block and says how much was left out
    private static IEnumerable<JsonObject> AttachmentBlocks(string attachment, string language)
    {
        var lines = attachment.TrimEnd('\n').Split('\n');
        var budget = SectionLimit - 8;
        var shown = new List<string>();
        var length = 0;
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var line = Mrkdwn.Escape(lines[i].Replace("```", "'''", StringComparison.Ordinal));
            if (length + line.Length + 1 > budget) break;
            shown.Insert(0, line);
            length += line.Length + 1;
        }

        if (shown.Count > 0) yield return Section("```\n" + string.Join('\n', shown) + "\n```");
        var note = shown.Count == lines.Length
            ? Localized(language, $"Full output: {lines.Length} lines.", $"完整输出：{lines.Length} 行。")
            : Localized(language, $"Output: last {shown.Count} of {lines.Length} lines shown.", $"输出：共 {lines.Length} 行，显示最后 {shown.Count} 行。");
        yield return Context(string.Create(CultureInfo.InvariantCulture, $"{note}"));
    }
}
