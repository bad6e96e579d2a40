using ChatOps.Core.Chat;
using ChatOps.Core.Commands;

namespace ChatOps.Core.Execution;

/// <summary>A command to run, with who asked, who approved, where to report, and the key that makes it run once.</summary>
public sealed record ExecutionRequest(ChatCommand Command, IdempotencyKey Key, string RequestedBy, string? ApprovedBy, ConversationKey Conversation, MessageRef? ReplyTo);
