using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Slack.Routing;

/// <summary>One acknowledged delivery from Slack, the same for both transports: an Events API wrapper (§2.2), an interaction payload (§4.2) or a slash command (§5).</summary>
/// <param name="Kind">Which of the three it is.</param>
/// <param name="Payload">The payload as JSON (slash-command form fields become string properties).</param>
/// <param name="ReceivedAt">When it arrived, as a <see cref="TimeProvider.GetTimestamp"/> value.</param>
/// <param name="Id">Its id in the durable inbox (the Socket Mode envelope id, or one made for an HTTP delivery); null when it is not kept.</param>
/// <param name="Redelivered">Taken from the durable inbox after the process that accepted it died: when that one accepted it.</param>
public sealed record SlackInbound(SlackInboundKind Kind, JsonObject Payload, long ReceivedAt, string? Id = null, DateTimeOffset? Redelivered = null)
{
    /// <summary>The channel it happened in, which keeps one channel's deliveries in order.</summary>
    public string Channel => (Kind switch
    {
        SlackInboundKind.Event => Payload["event"]?["channel"],
        SlackInboundKind.Interaction => Payload["container"]?["channel_id"] ?? Payload["channel"]?["id"],
        _ => Payload["channel_id"],
    })?.GetValue<string>() ?? "";
}
