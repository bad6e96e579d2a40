using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Slack.Api;

/// <summary>chat.postMessage arguments (§6.2): <see cref="Text"/> is the notification fallback when <see cref="Blocks"/> are given.</summary>
public sealed record PostMessageRequest(string Channel, string Text, JsonArray? Blocks = null, string? ThreadTs = null)
{
    /// <summary>Off: our links are for reading, not for previews.</summary>
    public bool UnfurlLinks { get; init; }

    /// <summary>Off, as <see cref="UnfurlLinks"/>.</summary>
    public bool UnfurlMedia { get; init; }

    /// <summary>Message metadata (docs.slack.dev/messaging/message-metadata): <c>{event_type, event_payload}</c>, read back by conversations.replies.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SlackMetadata? Metadata { get; init; }
}

/// <summary>Message metadata: an app-defined <see cref="EventType"/> and a free-form payload (docs.slack.dev/messaging/message-metadata).</summary>
public sealed record SlackMetadata(string EventType, JsonObject EventPayload);

/// <summary>chat.update arguments (§6.2): <see cref="Channel"/> must be the D… id for direct messages; an empty <see cref="Blocks"/> removes them.</summary>
public sealed record UpdateMessageRequest(string Channel, string Ts, string Text, JsonArray? Blocks = null);

/// <summary>chat.postEphemeral arguments (§6.2): shown only to <see cref="User"/>, in the thread when <see cref="ThreadTs"/> is set.</summary>
public sealed record PostEphemeralRequest(string Channel, string User, string Text, JsonArray? Blocks = null, string? ThreadTs = null);
