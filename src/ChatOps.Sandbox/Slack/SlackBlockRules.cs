using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

/// <summary>The Block Kit limits of contract §7 that make Slack answer <c>invalid_blocks</c>.</summary>
public static class SlackBlockRules
{
    /// <summary>Why the blocks are invalid, or null when Slack would take them.</summary>
    public static string? Check(JsonArray? blocks)
    {
        if (blocks is null) return null;
        if (blocks.Count > 50) return $"{blocks.Count} blocks (max 50)";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in blocks)
        {
            if (node is not JsonObject block) return "a block is not an object";
            if (Text(block, "block_id") is { } id && (id.Length > 255 || !ids.Add(id))) return $"block_id {id} too long or repeated";
            var why = Text(block, "type") switch
            {
                "section" => Section(block),
                "actions" => Actions(block),
                "context" => (block["elements"] as JsonArray)?.Count is null or 0 or > 10 ? "context needs 1-10 elements" : null,
                "divider" or "header" or "rich_text" or "image" or "markdown" => null,
                var type => $"unknown block type {type}",
            };
            if (why is not null) return why;
        }

        return null;
    }

    private static string? Section(JsonObject block)
    {
        if (block["text"] is not JsonObject text) return block["fields"] is JsonArray { Count: > 0 and <= 10 } ? null : "section needs text or fields";
        if (Text(text, "type") is not ("mrkdwn" or "plain_text")) return "section text must be mrkdwn or plain_text";
        return Text(text, "text") is { Length: > 0 and <= 3000 } ? null : "section text must be 1-3000 characters";
    }

    private static string? Actions(JsonObject block)
    {
        if (block["elements"] is not JsonArray { Count: > 0 and <= 25 } elements) return "actions needs 1-25 elements";
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in elements.OfType<JsonObject>())
        {
            if (Text(element, "type") != "button") continue;
            if (Text(element["text"], "text") is not { Length: > 0 and <= 75 }) return "button text must be 1-75 characters";
            if (Text(element, "action_id") is { } actionId && (actionId.Length > 255 || !actionIds.Add(actionId))) return $"action_id {actionId} too long or repeated";
            if (Text(element, "value") is { Length: > 2000 }) return "button value over 2000 characters";
            if (Text(element, "style") is { } style && style is not ("primary" or "danger")) return $"button style {style}";
            if (element["confirm"] is JsonObject confirm && Confirm(confirm) is { } why) return why;
        }

        return null;
    }

    private static string? Confirm(JsonObject confirm)
    {
        if (Text(confirm["title"], "text") is not { Length: > 0 and <= 100 }) return "confirm title must be 1-100 characters";
        if (Text(confirm["text"], "text") is not { Length: > 0 and <= 300 }) return "confirm text must be 1-300 characters";
        if (Text(confirm["confirm"], "text") is not { Length: > 0 and <= 30 }) return "confirm button must be 1-30 characters";
        if (Text(confirm["deny"], "text") is not { Length: > 0 and <= 30 }) return "deny button must be 1-30 characters";
        return null;
    }

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
