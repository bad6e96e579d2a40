using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

public sealed partial class SlackEmulator
{
    private readonly List<SlackDelivery> _deliveries = [];
    private int _unacked;

    /// <summary>Every delivery attempt so far, redeliveries included.</summary>
    public IReadOnlyList<SlackDelivery> Deliveries
    {
        get
        {
            lock (_gate) return [.. _deliveries];
        }
    }

    /// <summary>Deliveries that got no ack (socket) or no 2xx (HTTP) in time.</summary>
    public int Unacknowledged => Volatile.Read(ref _unacked);

    /// <summary>Delivers a payload to the app over the current transport (Socket Mode unless <see cref="UseHttp"/> was called).</summary>
    public Task<SlackDelivery> DeliverAsync(SlackDeliveryType type, JsonObject payload, int retryAttempt = 0, string retryReason = "")
    {
        ArgumentNullException.ThrowIfNull(payload);
        return HttpTarget is null ? DeliverBySocketAsync(type, payload, retryAttempt, retryReason) : DeliverByHttpAsync(type, payload, retryAttempt, retryReason);
    }

    /// <summary>Delivers the same payload again (same event_id), as Slack's retries do.</summary>
    public Task<SlackDelivery> RedeliverAsync(SlackDelivery delivery, string reason = "timeout")
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return DeliverAsync(delivery.Type, delivery.Payload, delivery.RetryAttempt + 1, reason);
    }

    /// <summary>Wraps an inner event as Slack's event_callback (§2.2) with a new event_id.</summary>
    public JsonObject EventCallback(JsonObject inner) => new()
    {
        ["token"] = "legacy",
        ["team_id"] = Options.TeamId,
        ["api_app_id"] = Options.AppId,
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = NextEventId(),
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event_context"] = "4-sandbox",
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null, ["team_id"] = Options.TeamId, ["user_id"] = Options.BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false,
        }),
    };

    private async Task<SlackDelivery> DeliverBySocketAsync(SlackDeliveryType type, JsonObject payload, int attempt, string reason)
    {
        while (true)
        {
            var link = await PickLinkAsync(_stopping.Token).ConfigureAwait(false);
            var delivery = new SlackDelivery(Guid.NewGuid().ToString(), type, payload, attempt, reason);
            _pending[delivery.Id] = delivery;
            delivery.SentAt = Stopwatch.GetTimestamp();
            try
            {
                await link.SendAsync(Envelope(delivery), _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or ObjectDisposedException or IOException)
            {
                _pending.TryRemove(delivery.Id, out _);
                lock (_gate) _links.Remove(link);
                continue;
            }

            lock (_gate) _deliveries.Add(delivery);
            Changed();
            _ = WatchAckAsync(delivery);
            return delivery;
        }
    }

    /// <summary>§9.2: an envelope not acknowledged in time is dropped; an events_api one comes again with retry_attempt + 1 and a new envelope_id.</summary>
    private async Task WatchAckAsync(SlackDelivery delivery)
    {
        try
        {
            await Task.WhenAny(delivery.Acknowledged, Task.Delay(Options.AckTimeout, _stopping.Token)).ConfigureAwait(false);
            if (delivery.Acknowledged.IsCompleted || !_pending.TryRemove(delivery.Id, out _)) return;
            Interlocked.Increment(ref _unacked);
            Changed();
            if (delivery.Type == SlackDeliveryType.Events && delivery.RetryAttempt < Options.MaxRetries)
            {
                await DeliverBySocketAsync(delivery.Type, delivery.Payload, delivery.RetryAttempt + 1, "timeout").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }
    }

    private async Task DeliverQuietlyAsync(SlackDeliveryType type, JsonObject payload)
    {
        try
        {
            await DeliverAsync(type, payload).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or HttpRequestException or ObjectDisposedException)
        {
        }
    }
}
