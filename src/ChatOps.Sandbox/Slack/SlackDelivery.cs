using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

/// <summary>One delivery attempt to the app: which payload, over which transport, and whether and when it was acknowledged.</summary>
public sealed class SlackDelivery
{
    private readonly TaskCompletionSource _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SlackDelivery(string id, SlackDeliveryType type, JsonObject payload, int retryAttempt, string retryReason)
    {
        Id = id;
        Type = type;
        Payload = payload;
        RetryAttempt = retryAttempt;
        RetryReason = retryReason;
    }

    /// <summary>The envelope id (Socket Mode) or a local id (HTTP mode).</summary>
    public string Id { get; }

    public SlackDeliveryType Type { get; }

    /// <summary>The payload exactly as sent.</summary>
    public JsonObject Payload { get; }

    /// <summary>0 on first delivery; 1–3 on redeliveries.</summary>
    public int RetryAttempt { get; }

    public string RetryReason { get; }

    /// <summary>The event id of an events_api payload.</summary>
    public string? EventId => Payload["event_id"]?.GetValue<string>();

    /// <summary>The ts of the message a person wrote (events), or null.</summary>
    public string? MessageTs => Payload["event"]?["ts"]?.GetValue<string>();

    /// <summary>When it was sent, a <see cref="Stopwatch"/> timestamp.</summary>
    public long SentAt { get; internal set; }

    /// <summary>When the ack arrived (socket) or the 2xx response (HTTP), or null.</summary>
    public long? AckedAt { get; private set; }

    /// <summary>The HTTP status answered in HTTP mode.</summary>
    public int? HttpStatus { get; internal set; }

    /// <summary>The HTTP response body, or the ack's <c>payload</c> in Socket Mode.</summary>
    public string? Response { get; internal set; }

    /// <summary>Completes when acknowledged.</summary>
    public Task Acknowledged => _acknowledged.Task;

    /// <summary>Time from sending to the ack, when acknowledged.</summary>
    public TimeSpan? AckLatency => AckedAt is { } at ? Stopwatch.GetElapsedTime(SentAt, at) : null;

    internal void Ack(string? response)
    {
        if (AckedAt is not null) return;
        AckedAt = Stopwatch.GetTimestamp();
        Response = response;
        _acknowledged.TrySetResult();
    }
}
