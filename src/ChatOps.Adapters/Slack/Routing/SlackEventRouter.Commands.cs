using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Blocks;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Slack.Routing;

public sealed partial class SlackEventRouter
{
    /// <summary>§5 <c>/chatops &lt;text&gt;</c>: in a channel the request is echoed first, so its thread becomes the conversation; in a DM it is the DM.</summary>
    private async Task OnCommandAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        if (Text(payload, "user_id") is not { } user || Text(payload, "channel_id") is not { } channel) return;
        var text = Mrkdwn.Decode(Text(payload, "text") ?? "").Trim();
        var team = Text(payload, "team_id") ?? "";
        var eventId = Text(payload, "trigger_id") is { } trigger ? "command:" + trigger : null;
        ConversationKey key;
        string? threadTs = null;
        if (IsDirect(channel))
        {
            key = new ConversationKey(team, SlackChatAdapter.DirectMessages, user);
        }
        else
        {
            // why: slash commands cannot be used in threads (contract §5); a visible parent message gives the dialog its thread
            var echo = Reply.Plain($"<@{user}>: `{Text(payload, "command") ?? _options.Command} {text}`");
            var parent = await chat.PostAsync(channel, null, echo, cancellationToken).ConfigureAwait(false);
            if (parent is null) return;
            threadTs = parent.MessageId;
            key = new ConversationKey(team, channel, threadTs);
        }

        var turn = new IncomingTurn(key, user, text, null, threadTs is null ? null : new MessageRef(channel, threadTs), eventId);
        var target = new Target(channel, threadTs, user);
        await PostRepliesAsync(key, await TurnAsync(turn, cancellationToken).ConfigureAwait(false), target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ephemeral text a slash command is acknowledged with (the ack's response payload, §5).</summary>
    public static JsonObject CommandAck(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var direct = Text(payload, "channel_id") is { } channel && IsDirect(channel);
        return new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["text"] = direct ? "Working on it…" : "Working on it; I answer in a thread under your request.",
        };
    }
}
