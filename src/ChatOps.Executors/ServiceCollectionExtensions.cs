using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Resilience;
using ChatOps.Executors.Zadig;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;

namespace ChatOps.Executors;

/// <summary>The executors' registration calls for the composition root: AddExecutors, and AddRunTracking (ServiceCollectionExtensions.Tracking.cs).</summary>
public static partial class ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="CommandRouter"/> as <see cref="ICommandExecutor"/>, the GitLab, Zadig and Kubernetes executors, and the
    /// Refit clients with the standard resilience handler. Binds sections <c>GitLab</c>, <c>Zadig</c> and <c>Kubernetes</c> (validated at start);
    /// a backend without its section is simply not offered. The caller registers <see cref="ServiceCatalog"/> and <see cref="IIdempotencyStore"/>.</summary>
    public static ExecutorsBuilder AddExecutors(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GitLabOptions>().Bind(configuration.GetSection("GitLab"))
            .Validate(o => !o.IsConfigured || o.Token.Length > 0, "GitLab:Token is required when GitLab:BaseUrl is set.")
            .Validate(o => o.Resilience.AttemptTimeout < o.Resilience.TotalTimeout, "GitLab:Resilience:AttemptTimeout must be shorter than TotalTimeout.")
            .ValidateOnStart();
        services.AddOptions<ZadigOptions>().Bind(configuration.GetSection("Zadig"))
            .Validate(o => !o.IsConfigured || o.Token.Length > 0, "Zadig:Token is required when Zadig:BaseUrl is set.")
            .Validate(o => o.Resilience.AttemptTimeout < o.Resilience.TotalTimeout, "Zadig:Resilience:AttemptTimeout must be shorter than TotalTimeout.")
            .ValidateOnStart();
        services.AddOptions<KubernetesOptions>().Bind(configuration.GetSection("Kubernetes"))
            .Validate(o => o.InCluster || string.IsNullOrWhiteSpace(o.KubeconfigPath) || File.Exists(o.KubeconfigPath),
                "Kubernetes:KubeconfigPath names a file that does not exist.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        var gitLab = services.AddRefitGeneratedClient<IGitLabApi>(_ => BackendJson.Refit())
            .ConfigureHttpClient((sp, client) => client.BaseAddress = Options<GitLabOptions>(sp).ApiBase);
        gitLab.AddStandardResilienceHandler().Configure((o, sp) => BackendResilience.Apply(o, Options<GitLabOptions>(sp).Resilience));
        gitLab.AddHttpMessageHandler(sp => new GitLabAuthHandler(sp.GetRequiredService<IOptions<GitLabOptions>>()));

        var zadig = services.AddRefitGeneratedClient<IZadigApi>(_ => BackendJson.Refit())
            .ConfigureHttpClient((sp, client) => client.BaseAddress = Options<ZadigOptions>(sp).BaseUrl ?? new Uri("http://zadig.invalid/"));
        zadig.AddStandardResilienceHandler().Configure((o, sp) => BackendResilience.Apply(o, Options<ZadigOptions>(sp).Resilience));
        zadig.AddHttpMessageHandler(sp => new ZadigAuthHandler(sp.GetRequiredService<IOptions<ZadigOptions>>()));

        services.TryAddSingleton<GitLabExecutor>();
        services.TryAddSingleton<ZadigExecutor>();
        services.TryAddSingleton<IKubernetes>(sp => KubernetesClientFactory.Create(Options<KubernetesOptions>(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<KubernetesExecutor>();
        services.TryAddSingleton(sp => new CommandRouter(
            sp.GetRequiredService<ServiceCatalog>(),
            sp.GetRequiredService<IIdempotencyStore>(),
            Options<GitLabOptions>(sp).IsConfigured ? sp.GetRequiredService<GitLabExecutor>() : null,
            Options<ZadigOptions>(sp).IsConfigured ? sp.GetRequiredService<ZadigExecutor>() : null,
            Options<KubernetesOptions>(sp).IsConfigured ? sp.GetRequiredService<KubernetesExecutor>() : null));
        services.TryAddSingleton<ICommandExecutor>(sp => sp.GetRequiredService<CommandRouter>());
        return new ExecutorsBuilder(services, gitLab, zadig);
    }

    private static T Options<T>(IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
