using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Sandbox.Tests.Support;

/// <summary>A loopback receiver that records every POST it gets, for webhook and callback tests.</summary>
public sealed class HookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedHook> _received = Channel.CreateUnbounded<ReceivedHook>();
    private readonly ConcurrentQueue<ReceivedHook> _all = new();

    private HookListener(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Every POST received so far, including ones that NextAsync skipped or DrainAsync took.</summary>
    public IReadOnlyList<ReceivedHook> All => _all.ToArray();

    public static async Task<HookListener> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        var listener = new HookListener(builder.Build());
        listener._app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var hook = new ReceivedHook(context.Request.Path, headers, JsonNode.Parse(body)!);
            listener._all.Enqueue(hook);
            await listener._received.Writer.WriteAsync(hook);
            return Results.Ok();
        });
        await listener._app.StartAsync();
        var address = listener._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        listener.Url = new Uri(address.Addresses.First().TrimEnd('/') + "/hooks");
        return listener;
    }

    /// <summary>Waits (wall clock) for the next POST matching the filter; earlier non-matching ones are discarded.</summary>
    public async Task<ReceivedHook> NextAsync(Func<ReceivedHook, bool>? match = null, int timeoutMs = 5000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        while (true)
        {
            var hook = await _received.Reader.ReadAsync(timeout.Token);
            if (match is null || match(hook))
            {
                return hook;
            }
        }
    }

    /// <summary>Everything received so far, after waiting briefly for in-flight deliveries.</summary>
    public async Task<List<ReceivedHook>> DrainAsync(int settleMs = 300)
    {
        await Task.Delay(settleMs);
        var all = new List<ReceivedHook>();
        while (_received.Reader.TryRead(out var hook))
        {
            all.Add(hook);
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
