using System.Text.Json.Nodes;

namespace ChatOps.Adapters.Slack.Blocks;

/// <summary>One Slack message as sent: the notification fallback text and its Block Kit blocks (contract §7).</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks);
