using ChatOps.Core.Chat;

namespace ChatOps.Core.Execution;

/// <summary>A long run the bot started and follows until it ends: who asked, where to report, and its status history.</summary>
public sealed record RunRecord
{
    /// <summary>The bot's run id (the request's idempotency key).</summary>
    public required string Id { get; init; }

    /// <summary>"gitlab", "zadig" or "kubernetes".</summary>
    public required string Backend { get; init; }

    /// <summary>The backend's id: "project:pipeline" for GitLab, "workflow:task" for Zadig, "namespace/deployment" for rollouts.</summary>
    public required string BackendRunId { get; init; }

    public required string RequestedBy { get; init; }
    public required string Summary { get; init; }
    public required ConversationKey Conversation { get; init; }

    /// <summary>The bot's reply that is edited as the run progresses (null until the adapter posted it).</summary>
    public MessageRef? Message { get; init; }

    public string? WebUrl { get; init; }
    public RunStatus Status { get; init; }

    /// <summary>Every accepted status change with when and from where (hook, poll).</summary>
    public IReadOnlyList<RunStatusChange> History { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The secret in the per-run callback URL (Zadig), compared in constant time.</summary>
    public string? CallbackToken { get; init; }

    /// <summary>Optimistic-concurrency version of the stored row.</summary>
    public long Version { get; init; }
}

/// <summary>One accepted status change of a run.</summary>
public sealed record RunStatusChange(RunStatus Status, DateTimeOffset At, string Source, string? Detail = null);
