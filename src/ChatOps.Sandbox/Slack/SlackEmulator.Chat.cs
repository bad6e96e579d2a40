using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

public sealed partial class SlackEmulator
{
    private readonly List<SlackApiCall> _ephemerals = [];
    private readonly HashSet<string> _reactions = new(StringComparer.Ordinal);

    /// <summary>Ephemeral messages posted so far (their chat.postEphemeral calls).</summary>
    public IReadOnlyList<SlackApiCall> Ephemerals
    {
        get
        {
            lock (_gate) return [.. _ephemerals];
        }
    }

    /// <summary>The DM channel id of a user (posting to a U… id lands there, contract §6.2).</summary>
    public static string DirectChannelOf(string userId) => "D" + userId[1..];

    private static string? ChannelOf(string? id) => id switch
    {
        null => null,
        _ when id.StartsWith('U') || id.StartsWith('W') => DirectChannelOf(id),
        _ when id.StartsWith('C') || id.StartsWith('G') || id.StartsWith('D') => id,
        _ => null,
    };

    private JsonObject PostMessage(JsonObject args)
    {
        if (ChannelOf(Str(args, "channel")) is not { } channel) return Fail("channel_not_found");
        var text = Str(args, "text");
        var blocks = args["blocks"] as JsonArray;
        if (text is null && blocks is not { Count: > 0 }) return Fail("no_text");
        if (args["blocks"] is JsonValue || SlackBlockRules.Check(blocks) is not null) return Fail("invalid_blocks");
        if (args["metadata"] is { } metadata && (metadata is not JsonObject m || m["event_type"] is not JsonValue || m["event_payload"] is not JsonObject))
        {
            return Fail("invalid_metadata_format");
        }

        var message = Store(channel, Str(args, "thread_ts"), Options.BotUserId, Options.BotId, text ?? "", blocks?.DeepClone().AsArray(),
            stored => stored.Metadata = args["metadata"]?.DeepClone().AsObject());
        EchoOwnMessage(message);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = message.Ts, ["message"] = Describe(message) };
    }

    /// <summary>conversations.replies (docs.slack.dev/reference/methods/conversations.replies): the parent and its replies, oldest first,
    /// <c>limit</c> per page (default 1000) with <c>response_metadata.next_cursor</c>; metadata only with <c>include_all_metadata</c>.</summary>
    private JsonObject Replies(JsonObject args)
    {
        if (ChannelOf(Str(args, "channel")) is not { } channel) return Fail("channel_not_found");
        if (Str(args, "ts") is not { } ts || Find(channel, ts) is not { Deleted: false } parent) return Fail("thread_not_found");
        var root = parent.ThreadTs ?? parent.Ts;
        var limit = int.TryParse(Str(args, "limit"), CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, 1000) : 1000;
        var start = int.TryParse(Str(args, "cursor"), CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 0;
        var withMetadata = Str(args, "include_all_metadata") is "true" or "1";
        var thread = Messages(channel).Where(m => !m.Deleted && (m.Ts == root || m.ThreadTs == root)).OrderBy(m => m.Ts, StringComparer.Ordinal).ToList();
        var page = thread.Skip(start).Take(limit).Select(m =>
        {
            var json = Describe(m);
            if (withMetadata && m.Metadata is not null) json["metadata"] = m.Metadata.DeepClone();
            return (JsonNode)json;
        });
        var more = start + limit < thread.Count;
        return new JsonObject
        {
            ["ok"] = true, ["messages"] = new JsonArray([.. page]), ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (start + limit).ToString(CultureInfo.InvariantCulture) : "" },
        };
    }

    private JsonObject UpdateMessage(JsonObject args)
    {
        if (Str(args, "channel") is not { } channel || Str(args, "ts") is not { } ts) return Fail(Str(args, "channel") is null ? "channel_not_found" : "message_not_found");
        if (channel.StartsWith('U')) return Fail("channel_not_found"); // §10: chat.update needs the D… id
        if (Find(channel, ts) is not { } message || message.Deleted) return Fail("message_not_found");
        if (message.BotId is null) return Fail("cant_update_message");
        var text = Str(args, "text");
        if (text is { Length: > 4000 }) return Fail("msg_too_long");
        if (args["blocks"] is JsonValue || SlackBlockRules.Check(args["blocks"] as JsonArray) is not null) return Fail("invalid_blocks");
        lock (_gate)
        {
            if (text is not null) message.Text = text;
            if (args["blocks"] is JsonArray blocks) message.Blocks = blocks.Count == 0 ? null : blocks.DeepClone().AsArray();
            message.Edits++;
        }

        Changed();
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = message.Text, ["message"] = Describe(message) };
    }

    private JsonObject PostEphemeral(JsonObject args)
    {
        if (ChannelOf(Str(args, "channel")) is null) return Fail("channel_not_found");
        if (Str(args, "user") is not { } user || Options.People.All(p => p.Id != user)) return Fail("user_not_in_channel");
        if (Str(args, "text") is null && args["blocks"] is not JsonArray { Count: > 0 }) return Fail("no_text");
        if (args["blocks"] is JsonValue || SlackBlockRules.Check(args["blocks"] as JsonArray) is not null) return Fail("invalid_blocks");
        var ts = NextTs("ephemeral:" + user);
        lock (_gate) _ephemerals.Add(new SlackApiCall("chat.postEphemeral", args.DeepClone().AsObject(), 200, [], 0, null));
        Changed();
        return new JsonObject { ["ok"] = true, ["message_ts"] = ts };
    }

    private JsonObject AddReaction(JsonObject args)
    {
        if (Str(args, "channel") is not { } channel || Str(args, "timestamp") is not { } ts || Find(channel, ts) is null) return Fail("message_not_found");
        if (Str(args, "name") is not { } name || name.Contains(':', StringComparison.Ordinal)) return Fail("invalid_name");
        lock (_gate)
        {
            if (!_reactions.Add($"{channel}/{ts}/{name}")) return Fail("already_reacted");
        }

        return new JsonObject { ["ok"] = true };
    }

    private static JsonObject Describe(SlackStoredMessage message)
    {
        var json = new JsonObject { ["type"] = "message", ["user"] = message.User, ["text"] = message.Text, ["ts"] = message.Ts };
        if (message.BotId is not null) json["bot_id"] = message.BotId;
        if (message.ThreadTs is not null) json["thread_ts"] = message.ThreadTs;
        if (message.Blocks is not null) json["blocks"] = message.Blocks.DeepClone();
        if (message.Subtype is not null) json["subtype"] = message.Subtype;
        if (message.Files.Count > 0)
        {
            json["files"] = new JsonArray([.. message.Files.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["name"] = f.Filename, ["title"] = f.Title, ["size"] = f.Content?.Length })]);
        }

        return json;
    }

    // why: Slack sends the bot's own posts back as message events with bot_id (contract §10): message.im in DMs, and message.channels /
    // message.groups when the app subscribes to them; a client without a loop guard answers itself
    private void EchoOwnMessage(SlackStoredMessage message)
    {
        var channelType = ChannelTypeOf(message.Channel);
        if (channelType == "im" ? !Options.EchoBotDirectMessages : !Options.ChannelMessageEvents) return;
        var inner = new JsonObject
        {
            ["type"] = "message", ["channel"] = message.Channel, ["user"] = message.User, ["bot_id"] = message.BotId, ["text"] = message.Text,
            ["ts"] = message.Ts, ["event_ts"] = message.Ts, ["channel_type"] = channelType,
        };
        if (message.ThreadTs is not null) inner["thread_ts"] = message.ThreadTs;
        if (message.Subtype is not null) inner["subtype"] = message.Subtype;
        _ = Task.Run(() => DeliverQuietlyAsync(SlackDeliveryType.Events, EventCallback(inner)));
    }

    /// <summary>The <c>channel_type</c> of message events: <c>im</c> for D…, <c>group</c> for private G…, else <c>channel</c> (§2.3).</summary>
    internal static string ChannelTypeOf(string channel) => channel.StartsWith('D') ? "im" : channel.StartsWith('G') ? "group" : "channel";

    internal SlackStoredMessage StoreByUser(string channel, string? threadTs, string user, string text) => Store(channel, threadTs, user, null, text, null);

    internal JsonObject DescribeMessage(SlackStoredMessage message) => Describe(message);

    internal string ResponseUrlFor(string kind, string channel, string? messageTs, string user) => NewResponseUrl(kind, channel, messageTs, user);
}
