using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Slack.Blocks;

public static partial class BlockKitRenderer
{
    /// <summary>Most lines of long output shown above the file that carries all of it.</summary>
    public const int PreviewLines = 10;

    /// <summary>True when the whole <paramref name="attachment"/> shows in one section, so it needs no file.</summary>
    public static bool FitsInline(string attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var lines = Lines(attachment);
        return Tail(lines, int.MaxValue).Count == lines.Length;
    }

    /// <summary>The title of the file that carries a reply's <see cref="Reply.Attachment"/>.</summary>
    public static string AttachmentTitle(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var count = Lines(reply.Attachment ?? "").Length;
        return Localized(reply.Language, $"Full output ({count} lines)", $"完整输出（{count} 行）");
    }

    /// <summary>What to post when a reply said its output was attached but sharing the file failed: the output's last lines and its size.</summary>
    public static SlackMessage AttachmentFallback(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var note = Localized(reply.Language, "I could not attach the full output as a file; here are its last lines.", "无法把完整输出作为文件附上；以下是最后几行。");
        return new SlackMessage(note, [Context(note), .. AttachmentBlocks(reply.Attachment ?? "", reply.Language, attached: false)]);
    }

    // why: long output goes into a file (files.getUploadURLExternal); the message keeps its tail, all of it when no file could be made
    private static IEnumerable<JsonObject> AttachmentBlocks(string attachment, string language, bool attached)
    {
        var lines = Lines(attachment);
        var shown = Tail(lines, attached ? PreviewLines : int.MaxValue);
        if (shown.Count > 0) yield return Section("```\n" + string.Join('\n', shown) + "\n```");
        var note = attached
            ? Localized(language, $"Output: last {shown.Count} of {lines.Length} lines shown; the full output is attached below as a file.", $"输出：共 {lines.Length} 行，显示最后 {shown.Count} 行；完整输出已作为文件附在下方。")
            : shown.Count == lines.Length
                ? Localized(language, $"Full output: {lines.Length} lines.", $"完整输出：{lines.Length} 行。")
                : Localized(language, $"Output: last {shown.Count} of {lines.Length} lines shown.", $"输出：共 {lines.Length} 行，显示最后 {shown.Count} 行。");
        yield return Context(string.Create(CultureInfo.InvariantCulture, $"{note}"));
    }

    private static string[] Lines(string attachment) => attachment.TrimEnd('\n').Split('\n');

    /// <summary>The last lines (at most <paramref name="most"/>) that fit in one section's code block, escaped.</summary>
    private static List<string> Tail(string[] lines, int most)
    {
        var budget = SectionLimit - 8;
        var shown = new List<string>();
        var length = 0;
        for (var i = lines.Length - 1; i >= 0 && shown.Count < most; i--)
        {
            var line = Mrkdwn.Escape(lines[i].Replace("```", "'''", StringComparison.Ordinal));
            if (length + line.Length + 1 > budget) break;
            shown.Insert(0, line);
            length += line.Length + 1;
        }

        return shown;
    }
}
