using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatOps.Adapters.Api;
using ChatOps.Adapters.Console;
using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Slack.Http;
using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Dialog;
using ChatOps.Executors;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Zadig;
using ChatOps.Language;
using ChatOps.Sandbox;
using ChatOps.Sandbox.Slack;
using ChatOps.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using ChatOps.Core.Security;
using Spectre.Console;

namespace ChatOps.Cli.Hosting;

/// <summary>
/// The composition root: one web host with one Add call per project, the hook endpoints, the command API (serve), health and metrics, and the chat surface.
/// With <c>Sandbox:Enabled</c> it first starts the emulators and points every client (and Slack, when no real one is configured) at them.
/// </summary>
public sealed partial class BotHost : IAsyncDisposable
{
    private readonly SandboxWorld? _world;

    private BotHost(WebApplication app, SandboxWorld? world, Uri address, BotSurface surface)
    {
        App = app;
        _world = world;
        Address = address;
        Surface = surface;
    }

    /// <summary>The running web application.</summary>
    public WebApplication App { get; }

    /// <summary>The bot's services.</summary>
    public IServiceProvider Services => App.Services;

    /// <summary>Where the bot listens (hooks, Slack HTTP mode, API, health).</summary>
    public Uri Address { get; }

    /// <summary>The chat surface of this process.</summary>
    public BotSurface Surface { get; }

    /// <summary>The GitLab, Zadig and Kubernetes emulators when <c>Sandbox:Enabled</c>; null against real backends.</summary>
    public SandboxHost? Sandbox => _world?.Backends;

    /// <summary>The Slack emulator when the sandbox stands in for Slack too; null otherwise.</summary>
    public SlackEmulator? Slack => _world?.Slack;

    /// <summary>Builds and starts the host; throws with what to fix (bad catalog, missing model, invalid options, port in use).</summary>
    public static async Task<BotHost> StartAsync(BotSurface surface, IDictionary<string, string?> overrides, CancellationToken cancellationToken,
        IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var configured = BotConfiguration.Build(overrides);
        SandboxWorld? world = null;
        try
        {
            if (configured.GetValue("Sandbox:Enabled", false))
            {
                world = await SandboxWorld.StartAsync(configured, surface == BotSurface.Serve, cancellationToken).ConfigureAwait(false);
            }

            for (var attempt = 1; ; attempt++)
            {
                var (address, chosen) = ListenAddress(surface, configured);
                var settings = new Dictionary<string, string?>(overrides) { ["Http:Urls"] = address.ToString() };
                world?.Configure(settings, configured, PublicAddress(address));
                var configuration = BotConfiguration.Build(settings);
                var app = Build(surface, configuration, address, console);
                try
                {
                    // why: a model whose card does not match, or a broken catalog, should stop the start with its message, not the first chat turn
                    _ = app.Services.GetRequiredService<ITurnHandler>();
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                    world?.Connect(PublicAddress(address), configuration);
                    return new BotHost(app, world, address, surface);
                }
                catch (IOException) when (chosen && attempt < 3)
                {
                    // why: a free port found by probing can be taken by someone else before Kestrel binds it; probe again
                    await app.DisposeAsync().ConfigureAwait(false);
                }
                catch
                {
                    await app.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        catch
        {
            if (world is not null) await world.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the host (acknowledged work finishes first: hosted services drain) and then the sandbox.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        if (_world is not null) await _world.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication Build(BotSurface surface, IConfiguration configuration, Uri address, IAnsiConsole? console)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(address.ToString());
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = true);
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = configuration.GetValue("Http:ShutdownTimeout", TimeSpan.FromSeconds(20)));
        ConfigureLogging(builder.Logging, surface, configuration);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(SecretValues.Redactor(configuration));
        var catalog = CatalogLoader.Load(BotConfiguration.Resolve(configuration["Catalog:Path"] ?? "training-data/catalog.yaml"));
        services.AddSingleton(catalog);
        services.AddLanguage(new LanguageOptions { ModelPath = BotConfiguration.Resolve(configuration["Language:ModelPath"] ?? "models/intent-model.zip") });
        services.AddStorage(configuration, BotConfiguration.Resolve);
        services.AddExecutors(configuration);
        services.AddRunTracking(configuration);
        services.AddDialog(new DialogOptions
        {
            ClarifyMargin = configuration.GetValue("Dialog:ClarifyMargin", 0.15f),
            MinimumConfidence = configuration.GetValue("Dialog:MinimumConfidence", 0.45f),
            StrandedAfter = Positive(configuration, "Dialog:StrandedAfter", TimeSpan.FromMinutes(2)),
            RedeliverAfter = Positive(configuration, "Dialog:RedeliverAfter", TimeSpan.FromMinutes(1)),
            Policy = PolicyConfiguration.Load(configuration, catalog),
        });
        services.AddSingleton<IRunMessageObserver, RunMessageAttacher>();
        var sweepEvery = Positive(configuration, "Dialog:SweepInterval", TimeSpan.FromSeconds(15));
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DialogSweepService>(sp, sweepEvery));
        if (surface == BotSurface.Serve) services.AddCommandApi(configuration);
        services.AddBotHealth();
        services.AddBotTelemetry(configuration);
        AddChatSurface(services, surface, configuration, console);

        var app = builder.Build();
        app.MapGitLabHooks();
        app.MapZadigHooks();
        if (surface == BotSurface.Serve && SlackConfigured(configuration) && configuration["Slack:Mode"] is { } mode &&
            mode.Equals(nameof(SlackMode.Http), StringComparison.OrdinalIgnoreCase))
        {
            app.MapSlack();
        }

        if (surface == BotSurface.Serve) app.MapCommandApi();
        app.MapBotHealth();
        app.MapBotMetrics();
        return app;
    }

    private static void AddChatSurface(IServiceCollection services, BotSurface surface, IConfiguration configuration, IAnsiConsole? console)
    {
        if (surface == BotSurface.Console)
        {
            services.AddSingleton(console ?? AnsiConsole.Console);
            services.AddSingleton<ConsoleMessages>();
            services.AddSingleton<IChatAdapter>(sp => Redacting(sp, sp.GetRequiredService<ConsoleMessages>()));
        }
        else if (SlackConfigured(configuration))
        {
            services.AddSingleton<NoChatAdapter>();
            services.AddSingleton(sp => new SurfaceRouter(sp.GetRequiredService<SlackChatAdapter>(), sp.GetRequiredService<NoChatAdapter>()));
            services.AddSingleton<IChatAdapter>(sp => Redacting(sp, sp.GetRequiredService<SurfaceRouter>()));
            services.AddSingleton<IRunMessageFinder>(sp => sp.GetRequiredService<SurfaceRouter>());
            services.AddSlack(configuration);
        }
        else
        {
            services.TryAddSingleton<NoChatAdapter>();
            services.TryAddSingleton<IChatAdapter>(sp => Redacting(sp, sp.GetRequiredService<NoChatAdapter>()));
        }
    }

    // why: the tracker draws failed jobs' log lines, which a careless script may have filled with a token
    private static RedactingChatAdapter Redacting(IServiceProvider services, IChatAdapter inner) => new(inner, services.GetRequiredService<SecretRedactor>());

    /// <summary>A duration setting that must be above zero; a zero or negative one stops the start saying which key and what it wants.</summary>
    private static TimeSpan Positive(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (!TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidOperationException($"{key} is '{raw}', which is not a duration: write it as hh:mm:ss, such as {fallback:c}.");
        }

        return value > TimeSpan.Zero ? value : throw new InvalidOperationException($"{key} is {value}; it must be a positive duration such as {fallback:c}.");
    }

    private static bool SlackConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["Slack:BotToken"]);

    private static void ConfigureLogging(ILoggingBuilder logging, BotSurface surface, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        // why: the console surface is the chat itself; log lines there would interleave with the conversation
        if (surface == BotSurface.Serve)
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
            // why: a token in an exception or a backend's error text must not reach the log; every line passes the redactor
            logging.Services.AddSingleton<ConsoleFormatter>(sp => new RedactingJsonFormatter(sp, sp.GetRequiredService<SecretRedactor>()));
            logging.AddConsole(o => o.FormatterName = RedactingJsonFormatter.FormatterName);
        }
    }

    /// <summary>The address to listen on: <c>Http:Urls</c> for serve (default 127.0.0.1:8080), <c>Console:Urls</c> for the console (default a free
    /// loopback port, so a console never collides with a running service); port 0 becomes a free port.</summary>
    private static (Uri Address, bool Chosen) ListenAddress(BotSurface surface, IConfiguration configuration)
    {
        var text = surface == BotSurface.Console
            ? configuration["Console:Urls"] ?? "http://127.0.0.1:0"
            : configuration["Http:Urls"] ?? "http://127.0.0.1:8080";
        if (!Uri.TryCreate(text.Split(';')[0].Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException($"Http:Urls must be one http:// address such as http://127.0.0.1:8080, not '{text}'.");
        }

        return uri.Port == 0 ? (new UriBuilder(uri) { Port = FreePort(uri.Host) }.Uri, true) : (uri, false);
    }

    /// <summary>The address local callers use: a wildcard host becomes 127.0.0.1.</summary>
    private static Uri PublicAddress(Uri listen) =>
        listen.Host is "0.0.0.0" or "[::]" or "*" or "+" ? new UriBuilder(listen) { Host = "127.0.0.1" }.Uri : listen;

    private static int FreePort(string host)
    {
        var ip = IPAddress.TryParse(host, out var parsed) ? parsed : IPAddress.Loopback;
        using var probe = new TcpListener(ip, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
