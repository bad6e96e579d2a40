using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

public sealed partial class SlackEmulator
{
    /// <summary>Cuts one open socket without a close frame, as a network failure would (the newest when <paramref name="index"/> is null).</summary>
    /// <returns>False when no socket was open.</returns>
    public bool DropLink(int? index = null)
    {
        SocketLink? link;
        lock (_gate) link = index is { } i ? _links.ElementAtOrDefault(i) : _links.LastOrDefault();
        if (link is null) return false;
        lock (_gate) _links.Remove(link);
        link.Drop();
        Changed();
        return true;
    }

    /// <summary>
    /// Sends <c>{"type":"disconnect","reason":…}</c> (§1.2) to one socket (all when <paramref name="index"/> is null); for any reason but
    /// <c>warning</c> the socket is then closed, as Slack does.
    /// </summary>
    public async Task SendDisconnectAsync(string reason, int? index = null)
    {
        List<SocketLink> targets;
        lock (_gate) targets = index is { } i ? [.. _links.Skip(i).Take(1)] : [.. _links];
        foreach (var link in targets)
        {
            try
            {
                await link.SendAsync(Disconnect(reason), _stopping.Token).ConfigureAwait(false);
                if (reason != "warning") await link.CloseAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
            {
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> sockets are open and greeted.</summary>
    public Task WaitForLinksAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(() => OpenLinks >= count, timeout, $"{count} open Socket Mode connections");

    private async Task CloseAllLinksAsync()
    {
        List<SocketLink> links;
        lock (_gate) links = [.. _links];
        foreach (var link in links) await link.CloseAsync().ConfigureAwait(false);
    }

    /// <summary>An open socket, taking turns; waits a while for one when none is open (the app may be reconnecting).</summary>
    private async Task<SocketLink> PickLinkAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            lock (_gate)
            {
                if (_links.Count > 0) return _links[(int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)_links.Count)];
            }

            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException("Slack emulator: no Socket Mode connection is open.");
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private static JsonObject Envelope(SlackDelivery delivery) => new()
    {
        ["envelope_id"] = delivery.Id,
        ["type"] = delivery.Type switch
        {
            SlackDeliveryType.Events => "events_api",
            SlackDeliveryType.Interactive => "interactive",
            _ => "slash_commands",
        },
        ["accepts_response_payload"] = delivery.Type == SlackDeliveryType.SlashCommands,
        ["retry_attempt"] = delivery.RetryAttempt,
        ["retry_reason"] = delivery.RetryReason,
        ["payload"] = delivery.Payload.DeepClone(),
    };
}
