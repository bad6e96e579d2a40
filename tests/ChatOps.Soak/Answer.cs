using ChatOps.Sandbox.Slack;

namespace ChatOps.Soak;

/// <summary>What the bot answered to one turn: a message in the thread, or an ephemeral note only the sender saw (then <see cref="Message"/> is null).</summary>
internal sealed record Answer(string Text, SlackStoredMessage? Message)
{
    public bool Contains(string text) => Text.Contains(text, StringComparison.Ordinal);
}
