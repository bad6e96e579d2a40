using ChatOps.Core.Catalog;
using ChatOps.Dialog;
using ChatOps.Executors;
using ChatOps.Language;
using ChatOps.Sandbox;
using ChatOps.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Cli.Hosting;

/// <summary>The composition root: one Add call per project, with the sandbox standing in for the backends unless configured otherwise.</summary>
public sealed class BotServices : IAsyncDisposable
{
    private BotServices(ServiceProvider provider, SandboxHost? sandbox, IConfiguration configuration)
    {
        Provider = provider;
        Sandbox = sandbox;
        Configuration = configuration;
    }

    public ServiceProvider Provider { get; }

    /// <summary>The in-process sandbox when Sandbox:Enabled; null when talking to real backends.</summary>
    public SandboxHost? Sandbox { get; }

    public IConfiguration Configuration { get; }

    /// <summary>Starts the sandbox if enabled, points the executors at it, and builds the services; throws with what to fix.</summary>
    public static async Task<BotServices> StartAsync(IDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var configuration = BotConfiguration.Build(overrides);
        SandboxHost? sandbox = null;
        if (configuration.GetValue("Sandbox:Enabled", false))
        {
            sandbox = await SandboxHost.StartNewAsync(new SandboxOptions(), cancellationToken);
            configuration = BotConfiguration.Build(new Dictionary<string, string?>(overrides)
            {
                ["GitLab:BaseUrl"] = sandbox.GitLabUrl.ToString(),
                ["GitLab:Token"] = sandbox.Tokens.GitLabToken,
                ["Zadig:BaseUrl"] = sandbox.ZadigUrl.ToString(),
                ["Zadig:Token"] = sandbox.Tokens.ZadigToken,
                ["Kubernetes:KubeconfigPath"] = sandbox.KubeconfigPath,
            });
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(SecretValues.Redactor(configuration));
        var catalog = CatalogLoader.Load(BotConfiguration.Resolve(configuration["Catalog:Path"] ?? "training-data/catalog.yaml"));
        services.AddSingleton(catalog);
        services.AddLanguage(new LanguageOptions { ModelPath = BotConfiguration.Resolve(configuration["Language:ModelPath"] ?? "models/intent-model.zip") });
        var database = BotConfiguration.Resolve(configuration["Storage:Sqlite"] ?? ".data/chatops.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        services.AddSqliteStorage(database);
        services.AddExecutors(configuration);
        services.AddDialog(new DialogOptions
        {
            ClarifyMargin = configuration.GetValue("Dialog:ClarifyMargin", 0.15f),
            MinimumConfidence = configuration.GetValue("Dialog:MinimumConfidence", 0.45f),
            Policy = PolicyConfiguration.Load(configuration, catalog),
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new BotServices(provider, sandbox, configuration);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        if (Sandbox is not null) await Sandbox.DisposeAsync();
    }
}
