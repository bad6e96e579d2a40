namespace ChatOps.Adapters.Api;

/// <summary>The answer of <c>POST /api/commands</c>: the conversation to continue and the bot's replies, with their buttons' action ids.</summary>
public sealed record CommandResponse(string Conversation, IReadOnlyList<ApiReply> Replies);
