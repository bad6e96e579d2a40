namespace ChatOps.Executors.GitLab;

/// <summary>A job (gitlab.md §5 E12/E14); <c>failure_reason</c> is set only when failed.</summary>
public sealed record GitLabJob(long Id, string Name, string Stage, string Status, string? WebUrl)
{
    public string? FailureReason { get; init; }

    public bool AllowFailure { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Seconds, a float on jobs.</summary>
    public double? Duration { get; init; }
}
