using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Routing;

namespace ChatOps.Adapters.Slack.Socket;

public sealed partial class SlackSocketModeAdapter
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>One connection's life: fresh URL, hello, envelopes until Slack says disconnect (its reason returned) or the socket ends.</summary>
    private async Task<(bool Greeted, string? Reason)> ConnectOnceAsync(int index, CancellationToken stop)
    {
        var open = await outbox.SendAsync("apps.connections.open", null, (api, ct) => api.OpenConnectionAsync(_options.AppToken, ct), stop).ConfigureAwait(false);
        var url = open.Url ?? throw new InvalidOperationException("apps.connections.open returned no url");
        if (_options.DebugReconnects) url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "debug_reconnects=true";

        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            connectTimeout.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(new Uri(url), connectTimeout.Token).ConfigureAwait(false);
        }

        var greeted = false;
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var text = await ReceiveTextAsync(socket, buffer, stop).ConfigureAwait(false);
                if (text is null) return (greeted, null);
                if (Parse(text) is not { } frame) continue;
                switch (frame["type"]?.GetValue<string>())
                {
                    case "hello":
                        if (!greeted) Interlocked.Increment(ref _open);
                        greeted = true;
                        Interlocked.Increment(ref _greetings);
                        SlackLog.Connected(log, index, frame["debug_info"]?["host"]?.GetValue<string>());
                        break;
                    case "disconnect":
                        var reason = frame["reason"]?.GetValue<string>() ?? "unknown";
                        SlackLog.Disconnect(log, index, reason);
                        await CloseQuietlyAsync(socket).ConfigureAwait(false);
                        return (greeted, reason);
                    default:
                        await AcknowledgeAsync(socket, frame, stop).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (WebSocketException)
        {
            return (greeted, null); // dropped: reconnect with a fresh URL
        }
        finally
        {
            if (greeted) Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>§1.3: the ack goes out before any work, once the payload is kept in the inbox (and its store), so no acknowledged delivery dies with the process.</summary>
    private async Task AcknowledgeAsync(ClientWebSocket socket, JsonObject frame, CancellationToken stop)
    {
        if (frame["envelope_id"]?.GetValue<string>() is not { } envelopeId) return;
        var payload = frame["payload"] as JsonObject;
        SlackInboundKind? kind = frame["type"]?.GetValue<string>() switch
        {
            "events_api" => SlackInboundKind.Event,
            "interactive" => SlackInboundKind.Interaction,
            "slash_commands" => SlackInboundKind.SlashCommand,
            _ => null,
        };
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (kind == SlackInboundKind.SlashCommand && payload is not null && frame["accepts_response_payload"]?.GetValue<bool>() == true)
        {
            ack["payload"] = SlackEventRouter.CommandAck(payload);
        }

        if (kind is { } k && payload is not null) await inbox.AcceptAsync(new SlackInbound(k, payload, time.GetTimestamp(), envelopeId), stop).ConfigureAwait(false);
        // why: only this loop writes to the socket (the runtime answers pings itself), so sends never overlap
        await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, stop).ConfigureAwait(false);
        Interlocked.Increment(ref _acks);
    }

    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, byte[] buffer, CancellationToken stop)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, stop).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket).ConfigureAwait(false);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) : "";
        }
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
