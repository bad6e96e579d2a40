using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Zadig;

/// <summary>A loopback Zadig OpenAPI subset (contract zadig.md §4–§7) whose tasks run on the sandbox clock.</summary>
public sealed partial class ZadigEmulator : IAsyncDisposable
{
    private readonly SandboxOptions _options;
    private readonly ZadigWorld _world;
    private readonly SimClock _clock;
    private readonly bool _ownsClock;
    private readonly HookSender _sender;
    private readonly TaskRunner _runner;
    private readonly LoopbackServer _server;
    private Uri? _hookUrl;

    /// <summary>Creates the emulator over the seed; call <see cref="StartAsync"/> to listen.</summary>
    public ZadigEmulator(SandboxOptions options)
        : this(options, new SimClock(options.TimeProvider), ownsClock: true)
    {
    }

    /// <summary>Creates the emulator on a clock shared with the other emulators of a host.</summary>
    internal ZadigEmulator(SandboxOptions options, SimClock clock, bool ownsClock)
    {
        _options = options;
        _ownsClock = ownsClock;
        _hookUrl = options.ZadigHookUrl;
        _clock = clock;
        _world = ZadigWorld.Seed(options.Seed, _clock.Now);
        _sender = new HookSender(options.Knobs);
        var notifier = new ZadigNotifier(_sender, options.Tokens, () => BaseAddress.ToString().TrimEnd('/'), () => HookUrl);
        _runner = new TaskRunner(_world, _clock, options.Knobs, notifier);
        _server = new LoopbackServer(options.ZadigPort, Configure);
    }

    /// <summary>The portal address; OpenAPI paths start at /openapi/.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Where the per-workflow webhook (§7.1) goes; null sends none. Changeable while running.</summary>
    public Uri? HookUrl
    {
        get => Volatile.Read(ref _hookUrl);
        set => Volatile.Write(ref _hookUrl, value);
    }

    /// <summary>Webhooks and callbacks answered 2xx so far.</summary>
    public int DeliveriesSucceeded => _sender.Delivered;

    /// <summary>Raised (under the emulator's lock) when a deploy job passes; the host rolls the matching Deployment.</summary>
    internal event Action<ServiceDeployment>? Deployed
    {
        add => _runner.Deployed += value;
        remove => _runner.Deployed -= value;
    }

    /// <summary>Starts listening on 127.0.0.1.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _server.StartAsync(cancellationToken);

    /// <summary>Stops listening and the delivery sender.</summary>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        await _sender.DisposeAsync().ConfigureAwait(false);
        if (_ownsClock)
        {
            _clock.Dispose();
        }
    }

    private void Configure(WebApplication app)
    {
        app.UseSandboxFaults(_options.Knobs.Zadig, _clock, (c, f) => ZadigErrors.WriteFaultAsync(c, f, _options.Knobs.Zadig));
        app.UseZadigAuth(_options.Tokens);
        MapTasks(app);
        MapDiscovery(app);
        MapLegacy(app, "/api/directory");
        MapLegacy(app, "/public-api/v1");
        app.MapFallback("{**path}", () => Reply.Text("404 page not found", 404));
    }

    private static async Task<JsonObject?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private ZadigTask? FindTask(string? workflowKey, long taskId) =>
        _world.FindWorkflow(workflowKey)?.Tasks.FirstOrDefault(t => t.Id == taskId);
}
