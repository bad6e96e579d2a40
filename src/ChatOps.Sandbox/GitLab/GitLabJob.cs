namespace ChatOps.Sandbox.GitLab;

/// <summary>One attempt of a CI job (contract E12/E14); a retry adds a new attempt and marks this one retried.</summary>
internal sealed class GitLabJob
{
    public required long Id { get; init; }

    public required GitLabPipeline Pipeline { get; init; }

    public required string Name { get; init; }

    public required string Stage { get; init; }

    public string? Environment { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string Status { get; set; } = "created";

    public string? FailureReason { get; set; }

    public DateTimeOffset? QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool Retried { get; set; }

    public int Attempt { get; init; }

    public double? Duration => StartedAt is { } s ? ((FinishedAt ?? Pipeline.Now()) - s).TotalSeconds : null;

    public double? QueuedDuration => QueuedAt is { } q ? ((StartedAt ?? Pipeline.Now()) - q).TotalSeconds : null;

    public bool IsFinished => GitLabStatus.IsTerminal(Status);
}
