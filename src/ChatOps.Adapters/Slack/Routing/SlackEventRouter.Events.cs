using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.Adapters.Slack.Blocks;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Slack.Routing;

public sealed partial class SlackEventRouter
{
    [GeneratedRegex(@"<@([A-Za-z0-9]+)(\|[^>]*)?>")]
    private static partial Regex Mention();

    /// <summary>
    /// §2.3: app_mention in channels (a thread is a conversation), message.im, and a message.channels / message.groups reply in a thread the
    /// bot is in; the bot's own, edited and other subtyped messages are dropped.
    /// </summary>
    private async Task OnEventAsync(JsonObject payload, DateTimeOffset? redelivered, CancellationToken cancellationToken)
    {
        if (Text(payload, "type") != "event_callback" || payload["event"] is not JsonObject e) return;
        var type = Text(e, "type");
        var isMention = type == "app_mention";
        var isDirect = type == "message" && Text(e, "channel_type") == "im";
        var inChannel = type == "message" && Text(e, "channel_type") is "channel" or "group";
        if (!isMention && !isDirect && !inChannel) return;
        if (Text(e, "subtype") is not null || Text(e, "user") is not { } user || Text(e, "channel") is not { } channel || Text(e, "ts") is not { } ts) return;
        var me = await identity.GetAsync(cancellationToken).ConfigureAwait(false);
        if (user == me.UserId || (Text(e, "bot_id") is { } bot && bot == me.BotId)) return;

        var team = Text(payload, "team_id") ?? Text(e, "team") ?? me.TeamId;
        var threadTs = Text(e, "thread_ts");
        var raw = Text(e, "text") ?? "";
        if (inChannel && !IsAnswerInFollowedThread(channel, ts, threadTs, raw, me)) return;
        var key = isDirect ? new ConversationKey(team, SlackChatAdapter.DirectMessages, user) : new ConversationKey(team, channel, threadTs ?? ts);
        var text = Mrkdwn.Decode(Mention().Replace(raw, m => m.Groups[1].Value == me.UserId ? "" : m.Value)).Trim();
        var turn = new IncomingTurn(key, user, text, null, new MessageRef(channel, ts, threadTs), Text(payload, "event_id"), Redelivered: redelivered);
        var target = new Target(channel, isDirect ? threadTs : threadTs ?? ts, user);
        await PostRepliesAsync(key, await TurnAsync(turn, cancellationToken).ConfigureAwait(false), target, cancellationToken).ConfigureAwait(false);
    }

    // why: a channel message is a turn only as a reply in a thread the bot is in; top-level chatter is not for the bot. A reply that mentions
    // the bot also arrives as app_mention (another event_id, same channel and ts), which handles it, so the message event leaves it alone
    private bool IsAnswerInFollowedThread(string channel, string ts, string? threadTs, string text, BotIdentity me) =>
        threadTs is not null && threadTs != ts
        && !Mention().Matches(text).Any(m => m.Groups[1].Value == me.UserId)
        && threads.IsFollowed(channel, threadTs);
}
