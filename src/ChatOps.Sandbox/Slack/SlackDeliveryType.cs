namespace ChatOps.Sandbox.Slack;

/// <summary>The three envelope types Slack delivers (contract §1.2).</summary>
public enum SlackDeliveryType
{
    /// <summary><c>events_api</c>: an event_callback (HTTP: JSON to the events URL).</summary>
    Events,

    /// <summary><c>interactive</c>: e.g. block_actions (HTTP: <c>payload=</c> form to the interactivity URL).</summary>
    Interactive,

    /// <summary><c>slash_commands</c> (HTTP: form fields to the command URL).</summary>
    SlashCommands,
}
