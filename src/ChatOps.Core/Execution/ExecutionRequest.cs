using ChatOps.Core.Chat;
using ChatOps.Core.Commands;

namespace ChatOps.Core.Execution;

/// <summary>A command to run, with who asked, who approved, where to report, and the key that makes it run once.</summary>
/// <param name="Command">What to run.</param>
/// <param name="Key">The request id: a second execution with it is refused.</param>
/// <param name="RequestedBy">The chat user id of the requester.</param>
/// <param name="ApprovedBy">The approver's user id, when the policy asked for one.</param>
/// <param name="Conversation">Where the request was made.</param>
/// <param name="ReplyTo">The message it answers, when known.</param>
/// <param name="Recovering">The request's earlier execution was cut off by a restart: find what it started and adopt it; never start it a second time.</param>
/// <param name="MayResume">With <paramref name="Recovering"/>: the request is still fresh enough to run as confirmed, so when the backend shows for certain
/// that it never started, start it now (once: a second recovery never resumes). A lookup changes nothing and is always answered again.</param>
/// <param name="StartedAt">With <paramref name="Recovering"/>: when the interrupted execution began, so the backend is searched from then on.</param>
public sealed record ExecutionRequest(
    ChatCommand Command, IdempotencyKey Key, string RequestedBy, string? ApprovedBy, ConversationKey Conversation, MessageRef? ReplyTo, bool Recovering = false,
    bool MayResume = false, DateTimeOffset? StartedAt = null);
