namespace ChatOps.Sandbox.GitLab;

/// <summary>A pipeline and its job attempts (contract E8); status moves on the sandbox clock.</summary>
internal sealed class GitLabPipeline
{
    public required long Id { get; init; }

    public required int Iid { get; init; }

    public required GitLabProject Project { get; init; }

    public required string Ref { get; init; }

    public required bool Tag { get; init; }

    public required GitLabCommit Commit { get; init; }

    public required string Source { get; init; }

    public required IReadOnlyList<GitLabVariable> Variables { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Func<DateTimeOffset> Now { get; init; }

    public string Status { get; set; } = "created";

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Bumped by cancel and retry so steps scheduled earlier see they are stale.</summary>
    public int Epoch { get; set; }

    public List<GitLabJob> Jobs { get; } = [];

    public IEnumerable<GitLabJob> LatestJobs => Jobs.Where(j => !j.Retried);

    public IReadOnlyList<string> Stages => LatestJobs.Select(j => j.Stage).Distinct().ToList();

    public int? Duration => StartedAt is { } s && FinishedAt is { } f ? (int)(f - s).TotalSeconds : null;

    public double? QueuedDuration => StartedAt is { } s ? Math.Round((s - CreatedAt).TotalSeconds, 1) : null;

    public string? Variable(string key) => Variables.FirstOrDefault(v => v.Key == key)?.Value;
}
