namespace ChatOps.Adapters.Slack;

/// <summary>The bot's own ids from auth.test: its messages carry <see cref="UserId"/> or <see cref="BotId"/> and are never turns.</summary>
public sealed record BotIdentity(string UserId, string BotId, string TeamId);
