namespace ChatOps.Core.Storage;

/// <summary>A conversation's serialized dialog state and its version, the optimistic-concurrency token.</summary>
public sealed record StoredConversation(string StateJson, long Version);
