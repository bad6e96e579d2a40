namespace ChatOps.Core.Chat;

/// <summary>Where a message lives in a chat system, so it can be updated or replied to in its thread later.</summary>
public sealed record MessageRef(string Channel, string MessageId, string? ThreadId = null);
