using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Blocks;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Slack.Routing;

public sealed partial class SlackEventRouter
{
    /// <summary>§4.2 block_actions: the pressed button's action id is the turn; the answer goes to the pressed message's thread, whose buttons then go away.</summary>
    private async Task OnInteractionAsync(JsonObject payload, DateTimeOffset? redelivered, CancellationToken cancellationToken)
    {
        if (Text(payload, "type") != "block_actions" || payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject action) return;
        if (Text(payload["user"], "id") is not { } user || Text(action, "action_id") is not { } actionId) return;
        var container = payload["container"];
        var message = payload["message"];
        if ((Text(container, "channel_id") ?? Text(payload["channel"], "id")) is not { } channel) return;
        if ((Text(container, "message_ts") ?? Text(message, "ts")) is not { } messageTs) return;

        var team = Text(payload["team"], "id") ?? Text(payload["user"], "team_id") ?? "";
        var threadTs = Text(container, "thread_ts") ?? Text(message, "thread_ts");
        var direct = IsDirect(channel);
        var key = direct ? new ConversationKey(team, SlackChatAdapter.DirectMessages, user) : new ConversationKey(team, channel, threadTs ?? messageTs);
        var eventId = Text(action, "action_ts") is { } at ? $"action:{user}:{at}" : null;
        var turn = new IncomingTurn(key, user, "", actionId, new MessageRef(channel, messageTs, threadTs), eventId, Redelivered: redelivered);
        var target = new Target(channel, direct ? threadTs : threadTs ?? messageTs, user);
        var replies = await TurnAsync(turn, cancellationToken).ConfigureAwait(false);

        // why: an answer only the presser sees ("only @alice can confirm") leaves the buttons for the person who may press them
        var ephemeralSource = container?["is_ephemeral"] is JsonValue flag && flag.TryGetValue<bool>(out var isEphemeral) && isEphemeral;
        if (replies.Any(r => !r.Ephemeral) && !ephemeralSource && message is JsonObject)
        {
            var label = Text(action["text"], "text") ?? actionId;
            var answered = new SlackMessage(Text(message, "text") ?? label, BlockKitRenderer.Answered(message["blocks"] as JsonArray, user, label));
            try
            {
                await chat.UpdateBlocksAsync(channel, messageTs, answered, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SlackLog.PostFailed(log, ex, channel);
            }
        }

        await PostRepliesAsync(key, replies, target, cancellationToken).ConfigureAwait(false);
    }
}
