namespace ChatOps.Executors.GitLab;

/// <summary>A pipeline (gitlab.md §5 E8, also the body of E5, E6, E10, E11); list items of E7 leave the nullable members empty.</summary>
public sealed record GitLabPipeline(long Id, long Iid, long ProjectId, string Status, string? Source, string Ref, string? Sha, string? WebUrl)
{
    public bool Tag { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Whole seconds (an integer on pipelines, unlike jobs).</summary>
    public int? Duration { get; init; }

    public GitLabUser? User { get; init; }

    public GitLabDetailedStatus? DetailedStatus { get; init; }
}
