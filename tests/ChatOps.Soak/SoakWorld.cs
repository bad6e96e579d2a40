using System.Globalization;
using ChatOps.Sandbox;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Soak;

/// <summary>Everything around the bot, in the harness's own process: GitLab, Zadig and Kubernetes emulators and a Slack with many people.</summary>
internal sealed class SoakWorld : IAsyncDisposable
{
    private SoakWorld(SandboxHost backends, SlackEmulator slack, IReadOnlyList<SlackPerson> people)
    {
        Backends = backends;
        Slack = slack;
        People = people;
    }

    public SandboxHost Backends { get; }

    public SlackEmulator Slack { get; }

    public IReadOnlyList<SlackPerson> People { get; }

    public static async Task<SoakWorld> StartAsync(SoakOptions options)
    {
        var backends = await SandboxHost.StartNewAsync(new SandboxOptions { Knobs = new SandboxKnobs(options.Seed) });
        // why: runs should end within a few seconds, so thousands of them finish while the load runs
        backends.Knobs.Steps = new StepDurations
        {
            Queue = TimeSpan.FromMilliseconds(200), Pickup = TimeSpan.FromMilliseconds(200), Job = TimeSpan.FromMilliseconds(400),
            ControllerSync = TimeSpan.FromMilliseconds(200), PodStart = TimeSpan.FromMilliseconds(600), PodStop = TimeSpan.FromMilliseconds(200),
        };
        var people = Enumerable.Range(1, options.Users)
            .Select(i => new SlackPerson(string.Create(CultureInfo.InvariantCulture, $"U0SOAK{i:D3}"), $"soak{i}", $"Soak Person {i}", $"soak{i}@example.com"))
            .ToList();
        var slack = new SlackEmulator(new SlackEmulatorOptions { People = people });
        await slack.StartAsync();
        return new SoakWorld(backends, slack, people);
    }

    /// <summary>The bot's configuration as environment variables, the way an operator points `chatops serve --no-sandbox` at real systems.</summary>
    // why: every simulated person may act everywhere; what needs confirmation is as in the example policy, so prod and restarts ask
    private static readonly Lazy<string> PolicyFile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatops-soak-policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            owners: [soak]
            roles:
              operator:
                members: [soak]
                allow:
                  - intents: [actions]
                    environments: ["*"]
            everyone:
              - intents: [reads, actions]
                environments: ["*"]
            confirm:
              protected_environments: true
              intents: [rollback, k8s.restart, k8s.scale, pipeline.cancel]
              timeout: 5m
            """);
        return path;
    });

    public Dictionary<string, string> BotEnvironment(Uri botAddress)
    {
        var slack = Slack.Options;
        var tokens = Backends.Tokens;
        var settings = new Dictionary<string, string>
        {
            ["GitLab:BaseUrl"] = Backends.GitLabUrl.ToString(),
            ["GitLab:Token"] = tokens.GitLabToken,
            ["Zadig:BaseUrl"] = Backends.ZadigUrl.ToString(),
            ["Zadig:Token"] = tokens.ZadigToken,
            ["Zadig:RequestParameter"] = SandboxHost.ZadigRequestParameter,
            ["Kubernetes:KubeconfigPath"] = Backends.KubeconfigPath,
            ["Tracking:GitLabHookSecret"] = tokens.GitLabHookSecret,
            ["Tracking:ZadigHookSecret"] = tokens.ZadigHookSecret,
            ["Tracking:PublicBaseUrl"] = botAddress.ToString(),
            ["Tracking:HookGrace"] = "00:00:01",
            ["Tracking:PollInterval"] = "00:00:00.250",
            ["Tracking:PollMinBackoff"] = "00:00:00.300",
            ["Tracking:PollMaxBackoff"] = "00:00:01",
            ["Slack:BotToken"] = slack.BotToken,
            ["Slack:AppToken"] = slack.AppToken,
            ["Slack:SigningSecret"] = slack.SigningSecret,
            ["Slack:AppId"] = slack.AppId,
            ["Slack:ApiBaseUrl"] = Slack.ApiBase.ToString(),
            ["Slack:Mode"] = "Socket",
            ["Slack:ChannelInterval"] = "00:00:00.020",
            ["Slack:ReconnectDelay"] = "00:00:00.100",
            ["Slack:MaxReconnectDelay"] = "00:00:01",
            // why: an injected latency burst longer than this is a timeout the bot must survive (reads are retried, writes looked up)
            ["GitLab:Resilience:AttemptTimeout"] = "00:00:02",
            ["Kubernetes:Resilience:AttemptTimeout"] = "00:00:02",
            ["Zadig:Resilience:AttemptTimeout"] = "00:00:02",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Policy:Path"] = PolicyFile.Value,
            // why: a live execution is bounded to half of it, which must exceed a backend call with its retries (2 s attempts, 30 s in all);
            // short enough that the sweep settles what a kill interrupted while the soak still watches
            ["Dialog:StrandedAfter"] = "00:01:00",
            ["Dialog:SweepInterval"] = "00:00:05",
            // why: far longer than posting a reply takes here, so only announcements lost with a killed process are given a new message
            ["Tracking:AnnounceGrace"] = "00:00:20",
            // why: shorter than a person's 20 s of patience, so deliveries a killed process left are handed over while they still matter;
            // shorter too than the slowest live turn, so a delivery is sometimes handled by two processes at once, which must stay safe
            ["Slack:InboxRedeliverAfter"] = "00:00:15",
            ["Slack:InboxRecoveryInterval"] = "00:00:02",
        };
        return settings.ToDictionary(kv => "CHATOPS__" + kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
    }

    /// <summary>Once the bot listens, GitLab and Zadig send their webhooks to it.</summary>
    public void Connect(Uri botAddress)
    {
        Backends.GitLab.HookUrl = new Uri(botAddress, "hooks/gitlab");
        Backends.Zadig.HookUrl = new Uri(botAddress, "hooks/zadig");
    }

    public async ValueTask DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Backends.DisposeAsync();
    }
}
