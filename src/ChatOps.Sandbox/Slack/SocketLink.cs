using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Slack;

/// <summary>One accepted Socket Mode WebSocket; sends are serialised because envelopes and control frames come from different tasks.</summary>
internal sealed class SocketLink(int id, WebSocket socket, HttpContext context)
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public int Id { get; } = id;

    public WebSocket Socket { get; } = socket;

    public async Task SendAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Closes with a handshake (a routine recycle).</summary>
    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
        }
    }

    /// <summary>Cuts the TCP connection without a close frame (a network drop).</summary>
    public void Drop()
    {
        Socket.Abort();
        context.Abort();
    }
}
