using System.Text.Json.Nodes;
using ChatOps.Core.Chat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Routing;

/// <summary>
/// Turns Slack deliveries into <see cref="IncomingTurn"/>s for the <see cref="ITurnHandler"/> and posts what it answers: visible replies
/// in the conversation's thread, replies for the sender only with chat.postEphemeral. The same for Socket Mode and HTTP.
/// </summary>
public sealed partial class SlackEventRouter(
    ITurnHandler handler, SlackChatAdapter chat, SlackIdentity identity, SlackThreads threads, IOptions<SlackOptions> options, ILogger<SlackEventRouter> log)
{
    private readonly SlackOptions _options = options.Value;

    /// <summary>Handles one delivery to the end: the turn, then every reply posted.</summary>
    public Task RouteAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (_options.AppId is { Length: > 0 } app && Text(inbound.Payload, "api_app_id") is { } other && other != app) return Task.CompletedTask;
        return inbound.Kind switch
        {
            SlackInboundKind.Event => OnEventAsync(inbound.Payload, inbound.Redelivered, cancellationToken),
            SlackInboundKind.Interaction => OnInteractionAsync(inbound.Payload, inbound.Redelivered, cancellationToken),
            _ => OnCommandAsync(inbound.Payload, cancellationToken),
        };
    }

    /// <summary>Where the answers to a turn go: the channel, the thread (null for top level) and who may see ephemeral ones.</summary>
    private sealed record Target(string Channel, string? ThreadTs, string User);

    private async Task<IReadOnlyList<Reply>> TurnAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        IReadOnlyList<Reply> replies;
        try
        {
            replies = await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SlackLog.HandlingFailed(log, ex, "turn");
            replies = [new Reply($"Something went wrong on my side ({ex.Message}); nothing was run.", [], Ephemeral: true)];
        }

        return replies;
    }

    /// <summary>Posts the turn's replies in order, then tells the dialog which arrived: one Slack refused is posted again by the sweep.</summary>
    private async Task PostRepliesAsync(ConversationKey key, IReadOnlyList<Reply> replies, Target target, CancellationToken cancellationToken)
    {
        var posted = new List<Reply>();
        foreach (var reply in replies)
        {
            try
            {
                if (reply.Ephemeral) await chat.PostEphemeralAsync(target.Channel, target.User, target.ThreadTs, reply, cancellationToken).ConfigureAwait(false);
                else await chat.PostAsync(target.Channel, target.ThreadTs, reply, cancellationToken).ConfigureAwait(false);
                posted.Add(reply);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SlackLog.PostFailed(log, ex, target.Channel);
            }
        }

        try
        {
            await handler.DeliveredAsync(key, Deliveries.Of(posted), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // why: the posts landed; without the note the sweep posts them once more, which is better than never
            SlackLog.HandlingFailed(log, ex, "delivery note");
        }
    }

    private static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    // why: D… ids are direct messages (contract §0); a DM is one conversation per person, whatever the thread
    private static bool IsDirect(string channel) => channel.StartsWith('D');
}
