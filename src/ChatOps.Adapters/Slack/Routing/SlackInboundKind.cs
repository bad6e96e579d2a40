namespace ChatOps.Adapters.Slack.Routing;

/// <summary>The three kinds of delivery (Socket Mode envelope types <c>events_api</c>, <c>interactive</c>, <c>slash_commands</c>).</summary>
public enum SlackInboundKind
{
    /// <summary>An Events API <c>event_callback</c>.</summary>
    Event,

    /// <summary>An interaction such as <c>block_actions</c>.</summary>
    Interaction,

    /// <summary>A slash command.</summary>
    SlashCommand,
}
