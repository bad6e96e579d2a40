using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A loopback Kubernetes API subset (core/v1, apps/v1, events.k8s.io/v1, autoscaling/v1 Scale) that the official
/// KubernetesClient accepts, with rollouts simulated on the sandbox clock.</summary>
public sealed partial class KubeApiEmulator : IAsyncDisposable
{
    private readonly SandboxOptions _options;
    private readonly KubeWorld _world;
    private readonly SimClock _clock;
    private readonly bool _ownsClock;
    private readonly RolloutController _controller;
    private readonly LoopbackServer _server;

    /// <summary>Creates the emulator over the seed; call <see cref="StartAsync"/> to listen.</summary>
    public KubeApiEmulator(SandboxOptions options)
        : this(options, new SimClock(options.TimeProvider), ownsClock: true)
    {
    }

    /// <summary>Creates the emulator on a clock shared with the other emulators of a host.</summary>
    internal KubeApiEmulator(SandboxOptions options, SimClock clock, bool ownsClock)
    {
        _options = options;
        _ownsClock = ownsClock;
        _clock = clock;
        _world = KubeWorld.Seed(options.Seed, _clock.Now, options.Knobs.Steps);
        _controller = new RolloutController(_world, _clock, options.Knobs);
        _server = new LoopbackServer(options.KubePort, Configure);
    }

    /// <summary>The API server address (http, loopback).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Starts listening on 127.0.0.1.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _server.StartAsync(cancellationToken);

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        if (_ownsClock)
        {
            _clock.Dispose();
        }
    }

    /// <summary>Sets a container image of a Deployment as a deploy tool would, which starts a rollout; false if unknown.</summary>
    public bool SetImage(string ns, string deployment, string container, string image)
    {
        lock (_world.Gate)
        {
            if (_world.FindDeployment(ns, deployment) is not { } d || d.Containers.All(c => c.Name != container))
            {
                return false;
            }

            if (d.Containers.Any(c => c.Name == container && c.Image != image))
            {
                d.Containers = d.Containers.Select(c => c.Name == container ? c with { Image = image } : c).ToList();
                _controller.SpecChanged(d);
            }

            return true;
        }
    }

    private void Configure(WebApplication app)
    {
        app.UseSandboxFaults(_options.Knobs.Kubernetes, _clock, (c, f) => KubeStatus.WriteFaultAsync(c, f, _options.Knobs.Kubernetes));
        app.Use(async (context, next) =>
        {
            var open = context.Request.Path.Value is "/version" or "/healthz" or "/readyz" or "/livez";
            var header = context.Request.Headers.Authorization.ToString();
            if (open || (header.StartsWith("Bearer ", StringComparison.Ordinal) && Secrets.Match(header[7..], _options.Tokens.KubeToken)))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            await KubeStatus.Unauthorized().ExecuteAsync(context).ConfigureAwait(false);
        });
        app.Use(async (context, next) =>
        {
            if (context.Request.Query["watch"] is ["true" or "1"])
            {
                await KubeStatus.BadRequest("watch is not supported by the sandbox; poll instead").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        MapCore(app);
        MapEvents(app);
        MapApps(app);
        MapDiscovery(app);
        app.MapFallback("{**path}", () => KubeStatus.NoRoute());
    }

    private IResult Locked(Func<IResult> action)
    {
        lock (_world.Gate)
        {
            return action();
        }
    }

    private IResult ListOf<T>(string apiVersion, string kind, IEnumerable<T> items, Func<T, JsonObject> render) =>
        Reply.Json(KubeJson.List(apiVersion, kind, _world.ResourceVersion, items.Select(render)));

    private static bool TryLabels(HttpRequest request, out LabelSelector selector, out IResult? error)
    {
        var ok = LabelSelector.TryParse(request.Query["labelSelector"], out selector, out var message);
        error = ok ? null : KubeStatus.BadRequest(message);
        return ok;
    }

    private static int? Int(HttpRequest request, string name) =>
        int.TryParse(request.Query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
