using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Sockets;
using ChatOps.Core.Catalog;
using ChatOps.Executors.Tests.Support;
using ChatOps.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>One sandbox on a fake clock whose GitLab and Zadig hooks point at a <see cref="TrackingBot"/> on a fixed loopback port,
/// with the runs in a temporary SQLite file, so a test can also stop the bot and start a new one over the same file and port.</summary>
public sealed class TrackingSandbox : IAsyncLifetime
{
    public const string HookSecret = "sandbox-gitlab-hook-secret";

    private bool _stopped;

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public SandboxHost Host { get; private set; } = null!;

    public TrackingBot Bot { get; private set; } = null!;

    public int Port { get; } = FreePort();

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"chatops-tracking-{Guid.NewGuid():N}.db");

    public ServiceCatalog Catalog { get; } = CatalogLoader.Load(RepoFiles.Catalog);

    public Dictionary<string, string?> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        var bot = new Uri($"http://127.0.0.1:{Port}/");
        Host = await SandboxHost.StartNewAsync(new SandboxOptions
        {
            TimeProvider = Time,
            GitLabHookUrl = new Uri(bot, "hooks/gitlab"),
            ZadigHookUrl = new Uri(bot, "hooks/zadig"),
        });
        Settings["GitLab:BaseUrl"] = Host.GitLabUrl.ToString();
        Settings["GitLab:Token"] = Host.Tokens.GitLabToken;
        Settings["Zadig:BaseUrl"] = Host.ZadigUrl.ToString();
        Settings["Zadig:Token"] = Host.Tokens.ZadigToken;
        Settings["Zadig:RequestParameter"] = SandboxHost.ZadigRequestParameter;
        Settings["Tracking:GitLabHookSecret"] = Host.Tokens.GitLabHookSecret;
        Settings["Tracking:ZadigHookSecret"] = Host.Tokens.ZadigHookSecret;
        Settings["Tracking:PublicBaseUrl"] = bot.ToString();
        foreach (var backend in new[] { "GitLab", "Zadig" })
        {
            Settings[$"{backend}:Resilience:AttemptTimeout"] = "00:00:02";
            Settings[$"{backend}:Resilience:TotalTimeout"] = "00:00:20";
            Settings[$"{backend}:Resilience:RetryDelay"] = "00:00:00.050";
        }

        Bot = await StartBotAsync(new RecordingChatAdapter());
    }

    /// <summary>Starts a bot over this sandbox, database file and port (the previous one must be stopped first).</summary>
    public Task<TrackingBot> StartBotAsync(RecordingChatAdapter chat, Action<IServiceCollection>? configure = null) =>
        TrackingBot.StartAsync(Port, Settings, Time, DatabasePath, Catalog, chat, configure);

    /// <summary>Stops the bot, as in a crash: hooks sent meanwhile find no one listening and are lost.</summary>
    public async Task StopBotAsync()
    {
        await Bot.DisposeAsync();
        _stopped = true;
    }

    /// <summary>Starts a new bot (new tracker, poller, queue and chat adapter) over the same database file and port.</summary>
    public async Task<TrackingBot> StartNewBotAsync(Action<IServiceCollection>? configure = null)
    {
        Bot = await StartBotAsync(new RecordingChatAdapter(), configure);
        _stopped = false;
        return Bot;
    }

    /// <summary>Moves the sandbox clock second by second, so every scheduled step runs in order.</summary>
    public void Advance(TimeSpan total)
    {
        for (var passed = TimeSpan.Zero; passed < total; passed += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public async Task DisposeAsync()
    {
        if (!_stopped)
        {
            await Bot.DisposeAsync();
        }

        await Host.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
