namespace ChatOps.Executors.Zadig;

/// <summary>A task job (zadig.md §4.2 <c>jobs[]</c>): <c>name</c> is job-stage-job-sub-origin, the name approvals use (§4.5).</summary>
public sealed record ZadigJob(string Name, string? Key, string? DisplayName, string? OriginName, string Type, string? Status)
{
    public long StartTime { get; init; }

    public long EndTime { get; init; }

    public long CostSeconds { get; init; }

    public string? Error { get; init; }
}
