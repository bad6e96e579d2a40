using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

/// <summary>A message in the emulated workspace: who wrote it, where, and its current text and blocks (updated by chat.update).</summary>
public sealed class SlackStoredMessage
{
    internal SlackStoredMessage(string channel, string ts, string? threadTs, string user, string? botId, string text, JsonArray? blocks)
    {
        Channel = channel;
        Ts = ts;
        ThreadTs = threadTs;
        User = user;
        BotId = botId;
        Text = text;
        Blocks = blocks;
    }

    public string Channel { get; }

    public string Ts { get; }

    /// <summary>The parent's ts when the message is in a thread.</summary>
    public string? ThreadTs { get; }

    public string User { get; }

    /// <summary>Set on messages the bot posted.</summary>
    public string? BotId { get; }

    public string Text { get; internal set; }

    public JsonArray? Blocks { get; internal set; }

    /// <summary>The message metadata chat.postMessage was given (<c>{event_type, event_payload}</c>), or null.</summary>
    public JsonObject? Metadata { get; internal set; }

    /// <summary>How many times chat.update changed it.</summary>
    public int Edits { get; internal set; }

    /// <summary>True once deleted through a response_url.</summary>
    public bool Deleted { get; internal set; }

    /// <summary>The message subtype: <c>file_share</c> for a file shared by files.completeUploadExternal, else null.</summary>
    public string? Subtype { get; internal set; }

    /// <summary>The files it shares (a <c>files</c> entry, as Slack's file_share messages carry).</summary>
    public IReadOnlyList<SlackStoredFile> Files { get; internal set; } = [];

    /// <summary>The buttons currently shown (elements of its actions blocks).</summary>
    public IReadOnlyList<JsonObject> Buttons =>
        [.. (Blocks ?? []).OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"] as JsonArray ?? []).OfType<JsonObject>().Where(e => e["type"]?.GetValue<string>() == "button")];

    /// <summary>All mrkdwn/plain text of its blocks (or its text when it has none), joined by newlines.</summary>
    public string BlockText =>
        Blocks is { Count: > 0 } blocks
            ? string.Join("\n", blocks.OfType<JsonObject>().SelectMany(BlockTexts))
            : Text;

    private static IEnumerable<string> BlockTexts(JsonObject block)
    {
        if (block["text"]?["text"]?.GetValue<string>() is { } text) yield return text;
        foreach (var element in (block["elements"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (element["type"]?.GetValue<string>() is "mrkdwn" or "plain_text" && element["text"]?.GetValue<string>() is { } t) yield return t;
        }
    }
}
