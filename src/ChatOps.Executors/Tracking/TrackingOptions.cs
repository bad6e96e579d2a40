namespace ChatOps.Executors.Tracking;

/// <summary>How runs are followed (section <c>Tracking</c>): hook secrets, the public address for callbacks, and the polling fallback.</summary>
public sealed class TrackingOptions
{
    /// <summary>How long a run may go without news before the poller asks the backend.</summary>
    public TimeSpan HookGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait between polls of a quiet run; it doubles while nothing changes.</summary>
    public TimeSpan PollMinBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between polls of a quiet run.</summary>
    public TimeSpan PollMaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after a run starts it may go without a chat message before the poller gives it one (its announcement was lost with
    /// the process that posted it); longer than posting a reply ever takes.</summary>
    public TimeSpan AnnounceGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the poller's timer looks for runs that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The secret GitLab sends as <c>X-Gitlab-Token</c>; empty refuses every GitLab hook.</summary>
    public string GitLabHookSecret { get; set; } = "";

    /// <summary>The secret a Zadig workflow webhook sends as <c>X-Zadig-Token</c> to <c>/hooks/zadig</c>; empty refuses that route.</summary>
    public string ZadigHookSecret { get; set; } = "";

    /// <summary>The bot's address as Zadig sees it (e.g. <c>https://chatops.example.com/</c>); per-run callback URLs are built on it.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The key that derives per-run callback tokens; empty picks a random one per process (tokens are stored with their runs).</summary>
    public string CallbackSecret { get; set; } = "";

    /// <summary>The largest hook body accepted; larger ones get 413.</summary>
    public int MaxHookBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How many received updates may wait for the consumers before hook answers slow down.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How many consumers apply queued updates in parallel (updates of one run are serialized anyway).</summary>
    public int Consumers { get; set; } = 4;

    /// <summary>How many log lines of a failed job the live message shows.</summary>
    public int FailureLogLines { get; set; } = 20;
}
