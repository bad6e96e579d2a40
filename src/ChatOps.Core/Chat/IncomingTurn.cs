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
public sealed record IncomingTurn(ConversationKey Key, string UserId, string Text, string? ActionId = null, MessageRef? Source = null, string? EventId = null, ChatCommand? Command = null);
