using ChatOps.Sandbox.GitLab;
using ChatOps.Sandbox.Hosting;
using ChatOps.Sandbox.Kubernetes;
using ChatOps.Sandbox.Zadig;

namespace ChatOps.Sandbox;

/// <summary>Runs the GitLab, Zadig and Kubernetes emulators in-process on loopback for tests, <c>make run</c> and <c>chatops sandbox</c>.</summary>
public sealed partial class SandboxHost : IAsyncDisposable
{
    /// <summary>The string parameter every sandbox custom workflow declares for the request key; give it to the bot as <c>Zadig:RequestParameter</c>.</summary>
    public const string ZadigRequestParameter = ChatOps.Sandbox.Zadig.ZadigWorkflows.RequestParameter;

    private readonly SimClock _clock;
    private bool _ownsKubeconfig;

    /// <summary>Creates the three emulators over one clock, seed and set of knobs; call <see cref="StartAsync"/> to listen.</summary>
    public SandboxHost(SandboxOptions? options = null)
    {
        Options = options ?? new SandboxOptions();
        // why: one clock for all three, so a deploy that passes at simulated time T starts its rollout at T
        _clock = new SimClock(Options.TimeProvider);
        GitLab = new GitLabEmulator(Options, _clock, ownsClock: false);
        Zadig = new ZadigEmulator(Options, _clock, ownsClock: false);
        Kubernetes = new KubeApiEmulator(Options, _clock, ownsClock: false);
        // why: a deploy that passes in GitLab or Zadig should roll the pods the bot then inspects in Kubernetes
        GitLab.Deployed += Roll;
        Zadig.Deployed += Roll;
    }

    /// <summary>The options the host was built with.</summary>
    public SandboxOptions Options { get; }

    /// <summary>Run-time switches shared by all three emulators.</summary>
    public SandboxKnobs Knobs => Options.Knobs;

    /// <summary>Credentials the emulators accept and hook secrets they send.</summary>
    public SandboxTokens Tokens => Options.Tokens;

    /// <summary>The GitLab emulator.</summary>
    public GitLabEmulator GitLab { get; }

    /// <summary>The Zadig emulator.</summary>
    public ZadigEmulator Zadig { get; }

    /// <summary>The Kubernetes API emulator.</summary>
    public KubeApiEmulator Kubernetes { get; }

    /// <summary>GitLab instance address (the REST base is <see cref="GitLabApiUrl"/>).</summary>
    public Uri GitLabUrl => GitLab.BaseAddress;

    /// <summary>GitLab REST base, ending in /api/v4/.</summary>
    public Uri GitLabApiUrl => GitLab.ApiBase;

    /// <summary>Zadig portal address (OpenAPI paths start at /openapi/).</summary>
    public Uri ZadigUrl => Zadig.BaseAddress;

    /// <summary>Kubernetes API server address.</summary>
    public Uri KubernetesUrl => Kubernetes.BaseAddress;

    /// <summary>The kubeconfig written at start, pointing at <see cref="KubernetesUrl"/> with the sandbox token.</summary>
    public string KubeconfigPath { get; private set; } = "";

    /// <summary>Creates and starts a host in one call.</summary>
    public static async Task<SandboxHost> StartNewAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        var host = new SandboxHost(options);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>Starts all three emulators and writes the kubeconfig.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(GitLab.StartAsync(cancellationToken), Zadig.StartAsync(cancellationToken), Kubernetes.StartAsync(cancellationToken))
            .ConfigureAwait(false);
        _ownsKubeconfig = Options.KubeconfigPath is null;
        KubeconfigPath = Kubernetes.WriteKubeconfig(Options.KubeconfigPath ?? Path.Combine(Path.GetTempPath(), $"chatops-sandbox-{Guid.NewGuid():N}.kubeconfig"));
    }

    /// <summary>Stops the emulators and removes a kubeconfig the host chose the path of.</summary>
    public async ValueTask DisposeAsync()
    {
        await GitLab.DisposeAsync().ConfigureAwait(false);
        await Zadig.DisposeAsync().ConfigureAwait(false);
        await Kubernetes.DisposeAsync().ConfigureAwait(false);
        _clock.Dispose();
        if (_ownsKubeconfig && File.Exists(KubeconfigPath))
        {
            File.Delete(KubeconfigPath);
        }
    }

    private void Roll(ServiceDeployment deployment) =>
        Kubernetes.SetImage(deployment.Env, deployment.Service, deployment.Service, deployment.Image);
}
