namespace ChatOps.Adapters.Slack;

/// <summary>How Slack reaches the bot: over outgoing WebSockets (no public URL needed) or by HTTP POSTs to public endpoints.</summary>
public enum SlackMode
{
    /// <summary>Socket Mode (contract §1): apps.connections.open with the app-level token.</summary>
    Socket,

    /// <summary>HTTP mode (contract §2–§5): signed POSTs to /slack/events, /slack/interactivity, /slack/commands.</summary>
    Http,
}
