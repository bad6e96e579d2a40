using System.Text.Json.Nodes;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Slack.Blocks;

/// <summary>
/// Draws a <see cref="Reply"/> as Block Kit (contract §7): mrkdwn sections of at most 3,000 characters, buttons carrying our action ids,
/// danger buttons behind Slack's confirm dialog, at most 50 blocks a message (the rest follows in more messages).
/// </summary>
public static partial class BlockKitRenderer
{
    /// <summary>Most characters in a section's text.</summary>
    public const int SectionLimit = 3000;

    /// <summary>Most blocks in one message.</summary>
    public const int BlockLimit = 50;

    /// <summary>Most elements in one actions block.</summary>
    public const int ActionsLimit = 25;

    /// <summary>The messages that show <paramref name="reply"/>: the first carries the buttons, any others continue its text.</summary>
    /// <remarks>A <see cref="Reply.Attachment"/> shows as its last lines, as many as fit, and how many lines it has.</remarks>
    public static IReadOnlyList<SlackMessage> Render(Reply reply) => Render(reply, attachmentAttached: false);

    /// <summary>As <see cref="Render(Reply)"/>; with <paramref name="attachmentAttached"/> the attachment shows only its last <see cref="PreviewLines"/> lines and says the file below has all of it.</summary>
    public static IReadOnlyList<SlackMessage> Render(Reply reply, bool attachmentAttached)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var content = SectionSplitter.Split(Mrkdwn.Escape(reply.Text), SectionLimit).Select(Section).ToList();
        if (reply.Attachment is { } attachment) content.AddRange(AttachmentBlocks(attachment, reply.Language, attachmentAttached));
        var actions = ActionBlocks(reply).ToList();
        var fallback = Fallback(reply);

        var room = BlockLimit - actions.Count;
        if (content.Count <= room) return [new SlackMessage(fallback, [.. content, .. actions])];

        var first = content.Take(room - 1).Append(Context(Localized(reply.Language, "_(continued below)_", "_（下文续）_")));
        var messages = new List<SlackMessage> { new(fallback, [.. first, .. actions]) };
        foreach (var chunk in content.Skip(room - 1).Chunk(BlockLimit))
        {
            messages.Add(new SlackMessage(Fallback(chunk), [.. chunk]));
        }

        return messages;
    }

    /// <summary>The blocks of a message whose button was pressed: the same content without its buttons, plus who chose what.</summary>
    public static JsonArray Answered(JsonArray? blocks, string userId, string label)
    {
        var kept = (blocks ?? []).Where(b => b?["type"]?.GetValue<string>() != "actions").Select(b => b!.DeepClone());
        return [.. kept, Context($"<@{userId}> chose *{Mrkdwn.Escape(Mrkdwn.Plain(label))}*")];
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn, ["verbatim"] = true },
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn, ["verbatim"] = true }),
    };

    private static string Fallback(Reply reply)
    {
        var text = reply.Text.Trim().Length > 0 ? reply.Text : string.Join(" / ", reply.Buttons.Select(b => b.Label));
        return Mrkdwn.Truncate(Mrkdwn.Escape(text.Length > 0 ? text : "…"), SectionLimit);
    }

    private static string Fallback(JsonNode?[] blocks) =>
        Mrkdwn.Truncate(blocks.Select(b => b?["text"]?["text"]?.GetValue<string>()).FirstOrDefault(t => t is not null) ?? "…", SectionLimit);

    private static string Localized(string language, string en, string zh) => language == "zh" ? zh : en;
}
