using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ChatOps.Sandbox.GitLab;

/// <summary>A loopback GitLab REST v4 subset (contract gitlab.md E1–E15) whose pipelines run on the sandbox clock and raise webhooks.</summary>
public sealed partial class GitLabEmulator : IAsyncDisposable
{
    private readonly SandboxOptions _options;
    private readonly GitLabWorld _world;
    private readonly SimClock _clock;
    private readonly bool _ownsClock;
    private readonly HookSender _sender;
    private readonly PipelineRunner _runner;
    private readonly LoopbackServer _server;
    private Uri? _hookUrl;

    /// <summary>Creates the emulator over the seed; call <see cref="StartAsync"/> to listen.</summary>
    public GitLabEmulator(SandboxOptions options)
        : this(options, new SimClock(options.TimeProvider), ownsClock: true)
    {
    }

    /// <summary>Creates the emulator on a clock shared with the other emulators of a host.</summary>
    internal GitLabEmulator(SandboxOptions options, SimClock clock, bool ownsClock)
    {
        _options = options;
        _ownsClock = ownsClock;
        _hookUrl = options.GitLabHookUrl;
        _clock = clock;
        _world = GitLabWorld.Seed(options.Seed, _clock.Now);
        _sender = new HookSender(options.Knobs);
        var hooks = new GitLabHooks(_sender, options.Tokens, () => WebBase, () => HookUrl);
        _runner = new PipelineRunner(_world, _clock, options.Knobs, hooks, options.Seed.Registry);
        _server = new LoopbackServer(options.GitLabPort, Configure);
    }

    /// <summary>The instance address, e.g. http://127.0.0.1:5123/ (the GitLab "host").</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The REST base, <see cref="BaseAddress"/> + "api/v4/".</summary>
    public Uri ApiBase => new(BaseAddress, "api/v4/");

    /// <summary>Where Pipeline and Job Hooks go; null stops them. Changeable while running.</summary>
    public Uri? HookUrl
    {
        get => Volatile.Read(ref _hookUrl);
        set => Volatile.Write(ref _hookUrl, value);
    }

    /// <summary>Webhooks answered 2xx so far (dropped ones are never sent).</summary>
    public int DeliveriesSucceeded => _sender.Delivered;

    /// <summary>Raised (under the emulator's lock) when a deploy job succeeds; the host rolls the matching Deployment.</summary>
    internal event Action<ServiceDeployment>? Deployed
    {
        add => _runner.Deployed += value;
        remove => _runner.Deployed -= value;
    }

    /// <summary>Starts listening on 127.0.0.1.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _server.StartAsync(cancellationToken);

    /// <summary>Stops listening and the hook sender.</summary>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        await _sender.DisposeAsync().ConfigureAwait(false);
        if (_ownsClock)
        {
            _clock.Dispose();
        }
    }

    private string WebBase => BaseAddress.ToString().TrimEnd('/');

    private void Configure(WebApplication app)
    {
        app.UseSandboxFaults(_options.Knobs.GitLab, _clock,
            (context, fault) => GitLabErrors.WriteFaultAsync(context, fault, _options.Knobs.GitLab, _options.TimeProvider));
        app.UseGitLabAuth(_options.Tokens);
        MapProjects(app);
        MapPipelines(app);
        MapJobs(app);
        app.MapFallback("{**path}", () => GitLabErrors.RouteNotFound());
    }
}
