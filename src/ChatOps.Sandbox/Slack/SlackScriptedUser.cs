using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

/// <summary>A person in the emulated workspace who writes to the bot and presses its buttons; each action is delivered to the app.</summary>
public sealed class SlackScriptedUser
{
    private readonly SlackEmulator _slack;

    internal SlackScriptedUser(SlackEmulator slack, string id)
    {
        _slack = slack;
        Id = id;
    }

    /// <summary>The user id (U…).</summary>
    public string Id { get; }

    /// <summary>Their DM channel with the app (D…).</summary>
    public string DirectChannel => SlackEmulator.DirectChannelOf(Id);

    /// <summary>
    /// Writes <c>&lt;@bot&gt; text</c> in a channel (in a thread when <paramref name="threadTs"/> is set): an app_mention event (§2.3), and with
    /// <see cref="SlackEmulatorOptions.ChannelMessageEvents"/> also the message event of the same message (another event_id), as Slack sends both.
    /// </summary>
    /// <returns>The app_mention delivery.</returns>
    public async Task<SlackDelivery> MentionAsync(string channel, string text, string? threadTs = null)
    {
        var full = $"<@{_slack.Options.BotUserId}> {Escape(text)}";
        var message = _slack.StoreByUser(channel, threadTs, Id, full);
        var inner = Message("app_mention", channel, full, message.Ts, threadTs);
        var mention = await _slack.DeliverAsync(SlackDeliveryType.Events, _slack.EventCallback(inner)).ConfigureAwait(false);
        if (_slack.Options.ChannelMessageEvents) await _slack.DeliverAsync(SlackDeliveryType.Events, _slack.EventCallback(ChannelMessage(channel, full, message.Ts, threadTs))).ConfigureAwait(false);
        return mention;
    }

    /// <summary>
    /// Writes <paramref name="text"/> in a channel without mentioning the bot (in a thread when <paramref name="threadTs"/> is set). Slack delivers it
    /// only to an app subscribed to message.channels / message.groups: the message event, or null when the app is not subscribed.
    /// </summary>
    public async Task<(SlackStoredMessage Message, SlackDelivery? Delivery)> SayAsync(string channel, string text, string? threadTs = null)
    {
        var escaped = Escape(text);
        var message = _slack.StoreByUser(channel, threadTs, Id, escaped);
        if (!_slack.Options.ChannelMessageEvents) return (message, null);
        return (message, await _slack.DeliverAsync(SlackDeliveryType.Events, _slack.EventCallback(ChannelMessage(channel, escaped, message.Ts, threadTs))).ConfigureAwait(false));
    }

    /// <summary>Writes to the bot in their DM: a message event with channel_type im (§2.3).</summary>
    public Task<SlackDelivery> DirectMessageAsync(string text, string? threadTs = null)
    {
        var escaped = Escape(text);
        var message = _slack.StoreByUser(DirectChannel, threadTs, Id, escaped);
        var inner = Message("message", DirectChannel, escaped, message.Ts, threadTs);
        inner["channel_type"] = "im";
        return _slack.DeliverAsync(SlackDeliveryType.Events, _slack.EventCallback(inner));
    }

    /// <summary>Presses the button whose action_id or label is <paramref name="button"/> on a bot message: a block_actions payload (§4.2).</summary>
    public Task<SlackDelivery> ClickAsync(SlackStoredMessage message, string button)
    {
        ArgumentNullException.ThrowIfNull(message);
        var element = message.Buttons.FirstOrDefault(b => b["action_id"]?.GetValue<string>() == button || b["text"]?["text"]?.GetValue<string>() == button)
            ?? throw new InvalidOperationException($"No button '{button}' on message {message.Ts}: {string.Join(", ", message.Buttons.Select(b => b["action_id"]))}");
        var block = message.Blocks!.OfType<JsonObject>().First(b => (b["elements"] as JsonArray)?.Contains(element) == true);
        var person = _slack.Options.People.FirstOrDefault(p => p.Id == Id);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["api_app_id"] = _slack.Options.AppId,
            ["token"] = "legacy",
            ["team"] = new JsonObject { ["id"] = _slack.Options.TeamId, ["domain"] = "sandbox" },
            ["user"] = new JsonObject { ["id"] = Id, ["username"] = person?.Name, ["name"] = person?.Name, ["team_id"] = _slack.Options.TeamId },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = message.Channel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = message.Channel, ["name"] = message.Channel.ToLowerInvariant() },
            ["message"] = _slack.DescribeMessage(message),
            ["trigger_id"] = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.{Guid.NewGuid():N}",
            ["response_url"] = _slack.ResponseUrlFor("actions", message.Channel, message.Ts, Id),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = element["action_id"]?.DeepClone(),
                ["block_id"] = block["block_id"]?.DeepClone(),
                ["value"] = element["value"]?.DeepClone(),
                ["text"] = element["text"]?.DeepClone(),
                ["action_ts"] = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:0.000000}") + Guid.NewGuid().ToString("N")[..2],
            }),
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
        };
        return _slack.DeliverAsync(SlackDeliveryType.Interactive, payload);
    }

    /// <summary>Runs <c>/chatops text</c> in a channel (§5).</summary>
    public Task<SlackDelivery> SlashCommandAsync(string channel, string text, string command = "/chatops")
    {
        var person = _slack.Options.People.FirstOrDefault(p => p.Id == Id);
        var payload = new JsonObject
        {
            ["token"] = "legacy",
            ["team_id"] = _slack.Options.TeamId,
            ["team_domain"] = "sandbox",
            ["channel_id"] = channel,
            ["channel_name"] = channel.ToLowerInvariant(),
            ["user_id"] = Id,
            ["user_name"] = person?.Name ?? Id,
            ["command"] = command,
            ["text"] = Escape(text),
            ["api_app_id"] = _slack.Options.AppId,
            ["response_url"] = _slack.ResponseUrlFor("commands", channel, null, Id),
            ["trigger_id"] = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.{Guid.NewGuid():N}",
        };
        return _slack.DeliverAsync(SlackDeliveryType.SlashCommands, payload);
    }

    // why: message.channels / message.groups events tell channels apart by channel_type (docs.slack.dev/reference/events/message.channels)
    private JsonObject ChannelMessage(string channel, string text, string ts, string? threadTs)
    {
        var inner = Message("message", channel, text, ts, threadTs);
        inner["channel_type"] = SlackEmulator.ChannelTypeOf(channel);
        if (threadTs is not null) inner["parent_user_id"] = _slack.Find(channel, threadTs)?.User;
        return inner;
    }

    private JsonObject Message(string type, string channel, string text, string ts, string? threadTs)
    {
        var inner = new JsonObject
        {
            ["type"] = type, ["user"] = Id, ["text"] = text, ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts, ["team"] = _slack.Options.TeamId,
        };
        if (threadTs is not null) inner["thread_ts"] = threadTs;
        return inner;
    }

    // why: Slack delivers typed &, < and > as entities (contract §7); the bot must decode them
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
