using ChatOps.Executors.GitLab;
using ChatOps.Executors.Zadig;
using ChatOps.Sandbox;
using ChatOps.Sandbox.Slack;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Cli.Hosting;

/// <summary>The emulated world a host runs against with <c>Sandbox:Enabled</c>: GitLab, Zadig and Kubernetes, and Slack when no real one is configured.</summary>
public sealed class SandboxWorld : IAsyncDisposable
{
    private SandboxWorld(SandboxHost backends, SlackEmulator? slack)
    {
        Backends = backends;
        Slack = slack;
    }

    /// <summary>The GitLab, Zadig and Kubernetes emulators.</summary>
    public SandboxHost Backends { get; }

    /// <summary>The Slack emulator, or null when Slack is real or not used (the console).</summary>
    public SlackEmulator? Slack { get; }

    /// <summary>Starts the emulators; steps take <c>Sandbox:Steps</c> (Queue, Pickup, Job, …) so a demo deploy ends in seconds.</summary>
    public static async Task<SandboxWorld> StartAsync(IConfiguration configuration, bool withSlack, CancellationToken cancellationToken)
    {
        var backends = await SandboxHost.StartNewAsync(new SandboxOptions(), cancellationToken).ConfigureAwait(false);
        if (configuration.GetSection("Sandbox:Steps").Get<StepDurations>() is { } steps) backends.Knobs.Steps = steps;
        SlackEmulator? slack = null;
        if (withSlack && string.IsNullOrEmpty(configuration["Slack:BotToken"]))
        {
            slack = new SlackEmulator(new SlackEmulatorOptions { ChannelMessageEvents = true });
            await slack.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        return new SandboxWorld(backends, slack);
    }

    /// <summary>Points every client at the emulators and the hook checks at their secrets; keeps any value configured explicitly.</summary>
    public void Configure(IDictionary<string, string?> settings, IConfiguration configuration, Uri botAddress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        settings["GitLab:BaseUrl"] = Backends.GitLabUrl.ToString();
        settings["GitLab:Token"] = Backends.Tokens.GitLabToken;
        settings["Zadig:BaseUrl"] = Backends.ZadigUrl.ToString();
        settings["Zadig:Token"] = Backends.Tokens.ZadigToken;
        settings["Zadig:RequestParameter"] = SandboxHost.ZadigRequestParameter;
        settings["Kubernetes:KubeconfigPath"] = Backends.KubeconfigPath;
        settings["Tracking:GitLabHookSecret"] = Backends.Tokens.GitLabHookSecret;
        settings["Tracking:ZadigHookSecret"] = Backends.Tokens.ZadigHookSecret;
        settings["Tracking:PublicBaseUrl"] = configuration["Tracking:PublicBaseUrl"] ?? botAddress.ToString();
        if (Slack is null) return;
        settings["Slack:BotToken"] = Slack.Options.BotToken;
        settings["Slack:AppToken"] = Slack.Options.AppToken;
        settings["Slack:SigningSecret"] = Slack.Options.SigningSecret;
        settings["Slack:AppId"] = Slack.Options.AppId;
        settings["Slack:ApiBaseUrl"] = Slack.ApiBase.ToString();
        settings["Slack:Mode"] = configuration["Slack:Mode"] ?? "Socket";
    }

    /// <summary>Once the bot listens: GitLab and Zadig send their hooks to it, and an HTTP-mode Slack emulator its events.</summary>
    public void Connect(Uri botAddress, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Backends.GitLab.HookUrl = new Uri(botAddress, GitLabHooks.Path);
        Backends.Zadig.HookUrl = new Uri(botAddress, ZadigHooks.Path);
        if (Slack is not null && string.Equals(configuration["Slack:Mode"], "Http", StringComparison.OrdinalIgnoreCase))
        {
            Slack.UseHttp(new Uri(botAddress, "slack/"));
        }
    }

    /// <summary>Stops the emulators.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Slack is not null) await Slack.DisposeAsync().ConfigureAwait(false);
        await Backends.DisposeAsync().ConfigureAwait(false);
    }
}
