using ChatOps.Adapters.Slack.Api;
using ChatOps.Adapters.Slack.Files;
using ChatOps.Adapters.Slack.Http;
using ChatOps.Adapters.Slack.Routing;
using ChatOps.Adapters.Slack.Socket;
using ChatOps.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace ChatOps.Adapters.Slack;

/// <summary>The Slack adapter's one registration call for the composition root.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Slack</c> section (at start), registers the Web API client, the outbox, <see cref="SlackChatAdapter"/>
    /// (also as <see cref="IChatAdapter"/> unless one is registered), <see cref="SlackIdentityResolver"/> as the <see cref="IIdentityResolver"/> unless one is registered, the inbox workers and the Socket Mode client as hosted services
    /// (the socket client idles in http mode; map <see cref="SlackHttpEndpoints.MapSlack"/> then). The caller registers <see cref="ITurnHandler"/>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection("Slack"))
            .Validate(o => o.BotToken.StartsWith("xoxb-", StringComparison.Ordinal), "Slack:BotToken must be a bot token (xoxb-…).")
            .Validate(o => o.Mode != SlackMode.Socket || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal), "Slack:AppToken (xapp-…) is required when Slack:Mode is socket.")
            .Validate(o => o.Mode != SlackMode.Http || o.SigningSecret.Length > 0, "Slack:SigningSecret is required when Slack:Mode is http.")
            .Validate(o => o.Connections is >= 1 and <= 10, "Slack:Connections must be between 1 and 10.")
            .Validate(o => o.Workers >= 1 && o.ChannelBurst >= 1 && o.MaxAttempts >= 1, "Slack:Workers, ChannelBurst and MaxAttempts must be at least 1.")
            .Validate(o => o.ThreadWindow >= TimeSpan.Zero, "Slack:ThreadWindow must not be negative.")
            .Validate(o => o.InboxRedeliverAfter > TimeSpan.Zero && o.InboxRecoveryInterval > TimeSpan.Zero, "Slack:InboxRedeliverAfter and Slack:InboxRecoveryInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddRefitGeneratedClient<ISlackWebApi>(_ => SlackJson.Refit())
            .ConfigureHttpClient((sp, client) => client.BaseAddress = EndWithSlash(Options(sp).ApiBaseUrl))
            .AddHttpMessageHandler(sp => new SlackAuthHandler(() => Options(sp).BotToken));

        // why: upload URLs are absolute and Slack's own (files.getUploadURLExternal), so they get a plain client without the bot token
        services.AddHttpClient(SlackFileUploader.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2));
        services.TryAddSingleton<SlackOutbox>();
        services.TryAddSingleton<SlackFileUploader>();
        services.TryAddSingleton<SlackThreads>();
        services.TryAddSingleton<SlackIdentity>();
        services.TryAddSingleton<SlackUserDirectory>();
        services.TryAddSingleton<IIdentityResolver, SlackIdentityResolver>();
        services.TryAddSingleton<SlackChatAdapter>();
        services.TryAddSingleton<IChatAdapter>(sp => sp.GetRequiredService<SlackChatAdapter>());
        services.TryAddSingleton<SlackEventRouter>();
        services.TryAddSingleton<SlackInbox>();
        services.TryAddSingleton<SlackSocketModeAdapter>();
        services.TryAddSingleton(sp => new SlackSignature(Options(sp).SigningSecret, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<SlackInbox>());
        services.AddHostedService(sp => sp.GetRequiredService<SlackSocketModeAdapter>());
        return services;
    }

    private static SlackOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<SlackOptions>>().Value;

    private static Uri EndWithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
