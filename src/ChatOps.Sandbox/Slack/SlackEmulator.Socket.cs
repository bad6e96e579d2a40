using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Slack;

public sealed partial class SlackEmulator
{
    private const int MaxLinks = 10;
    private readonly Dictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly List<SocketLink> _links = [];
    private readonly ConcurrentDictionary<string, SlackDelivery> _pending = new(StringComparer.Ordinal);
    private int _ticketSeq;
    private int _linkSeq;
    private int _ticketReuses;
    private int _roundRobin;
    private bool _linkDisabled;

    /// <summary>Sockets open and greeted right now.</summary>
    public int OpenLinks
    {
        get
        {
            lock (_gate) return _links.Count;
        }
    }

    /// <summary>Sockets accepted since start (first connections plus reconnections).</summary>
    public int LinksAccepted => Volatile.Read(ref _linkSeq);

    /// <summary>URLs handed out by apps.connections.open.</summary>
    public int TicketsIssued => Volatile.Read(ref _ticketSeq);

    /// <summary>Connection attempts with an already used URL (refused; clients must fetch a fresh URL every time).</summary>
    public int TicketReuses => Volatile.Read(ref _ticketReuses);

    /// <summary>Socket Mode switched off in the app settings: every link gets <c>disconnect link_disabled</c> and new ones are refused that way.</summary>
    public bool LinkDisabled
    {
        get => Volatile.Read(ref _linkDisabled);
        set
        {
            Volatile.Write(ref _linkDisabled, value);
            if (value) _ = SendDisconnectAsync("link_disabled");
        }
    }

    private JsonObject OpenConnection(string? token)
    {
        if (token is null) return Fail("not_authed");
        if (!Hosting.Secrets.Match(token, Options.AppToken)) return Fail("invalid_auth");
        var ticket = Interlocked.Increment(ref _ticketSeq);
        lock (_gate) _tickets[ticket.ToString(System.Globalization.CultureInfo.InvariantCulture)] = false;
        var ws = new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/link/", Query = $"ticket={ticket}&app_id={Options.AppId}" };
        return new JsonObject { ["ok"] = true, ["url"] = ws.Uri.ToString() };
    }

    private void MapSocket(WebApplication app) => app.Map("/link", AcceptLinkAsync);

    private async Task AcceptLinkAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var ticket = context.Request.Query["ticket"].ToString();
        lock (_gate)
        {
            if (!_tickets.TryGetValue(ticket, out var used) || used)
            {
                if (used) _ticketReuses++;
                context.Response.StatusCode = 401;
                return;
            }

            _tickets[ticket] = true;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var link = new SocketLink(Interlocked.Increment(ref _linkSeq), socket, context);
        if (LinkDisabled || OpenLinks >= MaxLinks)
        {
            await link.SendAsync(Disconnect(LinkDisabled ? "link_disabled" : "too_many_websockets"), _stopping.Token).ConfigureAwait(false);
            await link.CloseAsync().ConfigureAwait(false);
            return;
        }

        int count;
        lock (_gate)
        {
            _links.Add(link);
            count = _links.Count;
        }

        try
        {
            await link.SendAsync(Hello(count), _stopping.Token).ConfigureAwait(false);
            Changed();
            if (context.Request.Query["debug_reconnects"] == "true") _ = RecycleLaterAsync(link);
            await ReadAcksAsync(link).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
        }
        finally
        {
            lock (_gate) _links.Remove(link);
            Changed();
        }
    }

    private JsonObject Hello(int connections) => new()
    {
        ["type"] = "hello",
        ["num_connections"] = connections,
        ["debug_info"] = new JsonObject { ["host"] = "applink-sandbox", ["build_number"] = 1, ["approximate_connection_time"] = 3600 },
        ["connection_info"] = new JsonObject { ["app_id"] = Options.AppId },
    };

    private static JsonObject Disconnect(string reason) =>
        new() { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "wss-sandbox" } };

    /// <summary>§1.3: reads acks (<c>{"envelope_id":…}</c>, with or without <c>payload</c>) until the socket closes.</summary>
    private async Task ReadAcksAsync(SocketLink link)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await link.Socket.ReceiveAsync(buffer, _stopping.Token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await link.CloseAsync().ConfigureAwait(false);
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            var ack = TryParse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length)) as JsonObject;
            message.SetLength(0);
            if (ack?["envelope_id"]?.GetValue<string>() is { } id && _pending.TryRemove(id, out var delivery))
            {
                delivery.Ack(ack["payload"]?.ToJsonString());
                Changed();
            }
        }
    }

    private async Task RecycleLaterAsync(SocketLink link)
    {
        try
        {
            await Task.Delay(Options.DebugConnectionLifetime, _stopping.Token).ConfigureAwait(false);
            await link.SendAsync(Disconnect("refresh_requested"), _stopping.Token).ConfigureAwait(false);
            await link.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
