namespace ChatOps.Adapters.Slack;

/// <summary>The <c>Slack</c> configuration section: tokens, transport and the outbound pacing.</summary>
public sealed class SlackOptions
{
    /// <summary>Socket (default) or Http.</summary>
    public SlackMode Mode { get; set; } = SlackMode.Socket;

    /// <summary>The app-level token <c>xapp-…</c> with connections:write; Socket Mode only.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>The bot token <c>xoxb-…</c> every Web API call uses.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The signing secret that HTTP mode checks every request against.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>Socket Mode connections kept open at once (1–10); two hand over gracefully when Slack recycles one.</summary>
    public int Connections { get; set; } = 2;

    /// <summary>The Web API base; tests point it at the emulator.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Our app id; events for another app (<c>api_app_id</c>) are dropped when set.</summary>
    public string? AppId { get; set; }

    /// <summary>A delivery accepted but not handled this long ago is handed to this process again: its own died, or is stuck. Longer than
    /// any turn takes (a live execution is given up at half of Dialog:StrandedAfter).</summary>
    public TimeSpan InboxRedeliverAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the inbox store is searched for such deliveries (and once at start).</summary>
    public TimeSpan InboxRecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Turns handled at once; events of one channel are always handled in order.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Look up users' e-mail with users.info (needs users:read.email).</summary>
    public bool ResolveEmails { get; set; }

    /// <summary>How long a looked-up user stays cached.</summary>
    public TimeSpan UserCacheTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The steady pace of messages into one channel (Slack allows about one per second).</summary>
    public TimeSpan ChannelInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages a quiet channel may take at once before the pace applies (Slack allows short bursts).</summary>
    public int ChannelBurst { get; set; } = 3;

    /// <summary>Attempts for a call that fails in transit (not for <c>ok:false</c>); 429 waits never count.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First wait before reconnecting a failed socket; doubles up to <see cref="MaxReconnectDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnect attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Appends <c>debug_reconnects=true</c> to socket URLs so Slack recycles them after ~360 s (contract §1.1).</summary>
    public bool DebugReconnects { get; set; }

    /// <summary>How long after the bot's last post in a channel thread a reply there without a mention is still a turn (message.channels / message.groups).</summary>
    public TimeSpan ThreadWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The slash command this app answers.</summary>
    public string Command { get; set; } = "/chatops";
}
