using ChatOps.Core.Commands;

namespace ChatOps.Core.Chat;

/// <summary>One thing a person did in chat: typed text, or pressed a button (then <see cref="ActionId"/> is set).</summary>
/// <param name="Key">The conversation it belongs to.</param>
/// <param name="UserId">The chat system's user id (never a display name).</param>
/// <param name="Text">The message text ("" for a button press).</param>
/// <param name="ActionId">The pressed button's action id, e.g. "confirm:3f2a…".</param>
/// <param name="Source">The message the person wrote or pressed a button on.</param>
/// <param name="EventId">The chat system's delivery id, used to drop repeated deliveries.</param>
/// <param name="Command">A typed command (from the command API) to run instead of parsing <paramref name="Text"/>; it meets the same policy.</param>
/// <param name="Redelivered">Set when it is handed over again after the process that accepted it died: when that process accepted it. Its
/// <paramref name="EventId"/> may be claimed by a turn that never got as far as saving, so the conversation, not the claim, says whether it
/// was handled; a conversation changed since then has moved past it.</param>
public sealed record IncomingTurn(
    ConversationKey Key, string UserId, string Text, string? ActionId = null, MessageRef? Source = null, string? EventId = null, ChatCommand? Command = null,
    DateTimeOffset? Redelivered = null);
