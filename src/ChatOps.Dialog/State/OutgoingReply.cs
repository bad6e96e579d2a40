using ChatOps.Core.Chat;

namespace ChatOps.Dialog.State;

/// <summary>A reply saved with the conversation until a surface reports it posted.</summary>
/// <param name="DueAt">When the sweep posts it if no surface has reported it posted by then.</param>
/// <param name="Reply">The reply as it leaves the bot (redacted), carrying its <see cref="Reply.DeliveryId"/>.</param>
/// <param name="Reposts">How many times the sweep has posted it without hearing it arrived.</param>
public sealed record OutgoingReply(Reply Reply, DateTimeOffset DueAt, int Reposts = 0);
