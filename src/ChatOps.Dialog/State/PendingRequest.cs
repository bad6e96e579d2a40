using ChatOps.Core.Commands;

namespace ChatOps.Dialog.State;

/// <summary>The request a conversation is working on: the command so far, who asked, what is awaited, and until when.</summary>
public sealed record PendingRequest
{
    /// <summary>The request id: buttons carry it, and it is the execution's idempotency key.</summary>
    public required string Id { get; init; }

    public required ChatCommand Command { get; init; }

    /// <summary>The chat user id of the person who asked; only they may confirm or cancel.</summary>
    public required string RequesterId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The slot being asked for while collecting details.</summary>
    public string? AwaitingSlot { get; init; }

    /// <summary>When the confirmation or approval stops being valid.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The role whose member (not the requester) must approve, when the policy asks for approval.</summary>
    public string? ApproverRole { get; init; }

    public string? ConfirmedBy { get; init; }
    public string? ApprovedBy { get; init; }

    /// <summary>When the request was handed to the executor (the conversation saved as Executing); null before that.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>What the executor said it will do, shown in the confirmation.</summary>
    public string? Plan { get; init; }
}
