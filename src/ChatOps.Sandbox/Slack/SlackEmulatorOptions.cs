namespace ChatOps.Sandbox.Slack;

/// <summary>Start-up settings of the Slack emulator: its workspace, the app's credentials and timing (contract slack.md §9).</summary>
public sealed record SlackEmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The bot token every Web API call must carry as <c>Authorization: Bearer</c>.</summary>
    public string BotToken { get; init; } = "xoxb-sandbox-0001-chatops";

    /// <summary>The app-level token apps.connections.open accepts.</summary>
    public string AppToken { get; init; } = "xapp-1-A0APP-sandbox-0001";

    /// <summary>The secret HTTP-mode requests are signed with (contract §3).</summary>
    public string SigningSecret { get; init; } = "sandbox-slack-signing-secret";

    public string TeamId { get; init; } = "T0TEAM";

    public string AppId { get; init; } = "A0APP";

    /// <summary>The bot's user id (auth.test <c>user_id</c>; author of everything it posts).</summary>
    public string BotUserId { get; init; } = "U0BOT";

    /// <summary>The bot id (auth.test <c>bot_id</c>; <c>bot_id</c> of everything it posts).</summary>
    public string BotId { get; init; } = "B0BOT";

    /// <summary>How long an envelope may wait for its ack before an events_api envelope is delivered again (§1.3, §9.2).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Redeliveries of an unacknowledged or failed event (Slack: up to 3).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Waits before each HTTP redelivery (Slack: at once, 1 min, 5 min); short by default so tests stay fast.</summary>
    public IReadOnlyList<TimeSpan> HttpRetryDelays { get; init; } = [TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)];

    /// <summary>How long a connection opened with <c>debug_reconnects=true</c> lives before <c>refresh_requested</c> (Slack: ~360 s).</summary>
    public TimeSpan DebugConnectionLifetime { get; init; } = TimeSpan.FromSeconds(360);

    /// <summary>Whether users.info shows <c>profile.email</c> (the app has users:read.email).</summary>
    public bool EmailScope { get; init; } = true;

    /// <summary>Whether the app has files:write; without it files.getUploadURLExternal and files.completeUploadExternal answer missing_scope.</summary>
    public bool FilesScope { get; init; } = true;

    /// <summary>
    /// The app subscribes to message.channels and message.groups (deploy/slack/manifest.yaml does): every message in a channel is delivered
    /// as a message event, and a mention comes both as app_mention and as a message event (same channel and ts, another event_id).
    /// Off by default, as the contract's manifest (§8) subscribes only app_mention and message.im.
    /// </summary>
    public bool ChannelMessageEvents { get; init; }

    /// <summary>Send the bot's own DM posts back as message.im events with <c>bot_id</c>, as Slack does (contract §10).</summary>
    public bool EchoBotDirectMessages { get; init; } = true;

    /// <summary>The people of the workspace (users.info); the bot user is added automatically.</summary>
    public IReadOnlyList<SlackPerson> People { get; init; } =
    [
        new("U0ALICE", "alice", "Alice Example", "alice@example.com"),
        new("U0BOB", "bob", "Bob Example", "bob@example.com"),
        new("U0CAROL", "carol", "Carol Example", "carol@example.com"),
    ];
}
