using System.Threading.Channels;
using ChatOps.Core.Execution;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Tracking;
using ChatOps.Executors.Zadig;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors;

public static partial class ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RunTracker"/>, <see cref="RunPoller"/>, the bounded hook queue, the consumer and poller hosted services, per-run
    /// Zadig callback URLs, and <see cref="TrackingExecutor"/> as the <see cref="ICommandExecutor"/>. Binds section <c>Tracking</c> (validated at start).
    /// Needs <c>AddExecutors</c>, an <c>IRunStore</c> and an <c>IChatAdapter</c>; the web app maps <c>MapGitLabHooks</c> and <c>MapZadigHooks</c>.</summary>
    public static IServiceCollection AddRunTracking(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TrackingOptions>().Bind(configuration.GetSection("Tracking"))
            .Validate(o => o.HookGrace > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero, "Tracking:HookGrace and Tracking:PollInterval must be positive.")
            .Validate(o => o.PollMinBackoff > TimeSpan.Zero && o.PollMinBackoff <= o.PollMaxBackoff,
                "Tracking:PollMinBackoff must be positive and at most Tracking:PollMaxBackoff.")
            .Validate(o => o.MaxHookBodyBytes > 0 && o.QueueCapacity > 0 && o.Consumers > 0 && o.FailureLogLines > 0,
                "Tracking:MaxHookBodyBytes, QueueCapacity, Consumers and FailureLogLines must be positive.")
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri, "Tracking:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunCallbacks>();
        services.TryAddSingleton(sp => new RunBackends(
            sp.GetRequiredService<IOptions<GitLabOptions>>().Value.IsConfigured ? sp.GetRequiredService<GitLabExecutor>() : null,
            sp.GetRequiredService<IOptions<ZadigOptions>>().Value.IsConfigured ? sp.GetRequiredService<ZadigExecutor>() : null,
            sp.GetRequiredService<IOptions<TrackingOptions>>(),
            sp.GetRequiredService<IOptions<KubernetesOptions>>().Value.IsConfigured ? sp.GetRequiredService<KubernetesExecutor>() : null));
        services.TryAddSingleton<RunTracker>();
        services.TryAddSingleton<RunPoller>();
        services.TryAddSingleton(sp => Channel.CreateBounded<RunUpdate>(
            new BoundedChannelOptions(sp.GetRequiredService<IOptions<TrackingOptions>>().Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait }));
        services.AddHostedService<RunUpdateConsumer>();
        services.AddHostedService<RunPollerService>();
        // why: Replace works whether AddExecutors ran before (it swaps the router) or after (its TryAdd then keeps this one)
        services.Replace(ServiceDescriptor.Singleton<ICommandExecutor>(sp => new TrackingExecutor(
            sp.GetRequiredService<CommandRouter>(), sp.GetRequiredService<RunTracker>(), sp.GetRequiredService<ILogger<TrackingExecutor>>())));
        return services;
    }
}
