using ChatOps.Core.Catalog;
using ChatOps.Core.Storage;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Zadig;
using ChatOps.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Executors.Tests.Support;

/// <summary>One sandbox per test class on a fake clock, and the real executors (Refit, KubernetesClient, resilience) pointed at it
/// through <see cref="ServiceCollectionExtensions.AddExecutors"/>, with a fault injector on each HTTP client.</summary>
public class SandboxFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>The sandbox clock; it starts at the real time so ages read naturally.</summary>
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public SandboxHost Host { get; private set; } = null!;

    public FaultPlan GitLabFaults { get; } = new();

    public FaultPlan ZadigFaults { get; } = new();

    public InMemoryIdempotencyStore Store { get; } = new();

    public ServiceCatalog Catalog { get; } = CatalogLoader.Load(RepoFiles.Catalog);

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not initialized");

    public CommandRouter Router => Services.GetRequiredService<CommandRouter>();

    public IGitLabApi GitLabApi => Services.GetRequiredService<IGitLabApi>();

    public IZadigApi ZadigApi => Services.GetRequiredService<IZadigApi>();

    public GitLabExecutor GitLab => Services.GetRequiredService<GitLabExecutor>();

    public ZadigExecutor Zadig => Services.GetRequiredService<ZadigExecutor>();

    public KubernetesExecutor Kubernetes => Services.GetRequiredService<KubernetesExecutor>();

    public async Task InitializeAsync()
    {
        Host = await SandboxHost.StartNewAsync(new SandboxOptions { TimeProvider = Time });
        var settings = new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = Host.GitLabUrl.ToString(),
            ["GitLab:Token"] = Host.Tokens.GitLabToken,
            ["GitLab:TriggerTokens:SANDBOX_TRIGGER"] = Host.Tokens.GitLabTriggerToken,
            ["Zadig:BaseUrl"] = Host.ZadigUrl.ToString(),
            ["Zadig:RequestParameter"] = SandboxHost.ZadigRequestParameter,
            ["Zadig:Token"] = Host.Tokens.ZadigToken,
            ["Zadig:CallbackUrl"] = "http://127.0.0.1:9/hooks/zadig/callback",
            ["Kubernetes:KubeconfigPath"] = Host.KubeconfigPath,
        };
        foreach (var backend in new[] { "GitLab", "Zadig", "Kubernetes" })
        {
            settings[$"{backend}:Resilience:AttemptTimeout"] = "00:00:02";
            settings[$"{backend}:Resilience:TotalTimeout"] = "00:00:20";
            settings[$"{backend}:Resilience:RetryDelay"] = "00:00:00.050";
        }

        Configure(settings);
        var services = new ServiceCollection();
        services.AddSingleton(Catalog);
        services.AddSingleton<IIdempotencyStore>(Store);
        var builder = services.AddExecutors(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        builder.GitLab.AddHttpMessageHandler(() => new FaultInjector(GitLabFaults));
        builder.Zadig.AddHttpMessageHandler(() => new FaultInjector(ZadigFaults));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Host.DisposeAsync();
    }

    /// <summary>A router over another catalog, sharing this fixture's executors but with a fresh idempotency store.</summary>
    public CommandRouter RouterFor(ServiceCatalog catalog) => new(catalog, new InMemoryIdempotencyStore(), GitLab, Zadig, Kubernetes);

    /// <summary>Moves the sandbox clock second by second, so every scheduled step runs in order.</summary>
    public void Advance(TimeSpan total)
    {
        for (var passed = TimeSpan.Zero; passed < total; passed += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Turns every knob and injected fault off.</summary>
    public void ResetFaults()
    {
        Host.Knobs.Reset();
        GitLabFaults.Clear();
        ZadigFaults.Clear();
    }

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }
}
