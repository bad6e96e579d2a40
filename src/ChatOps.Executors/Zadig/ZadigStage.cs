namespace ChatOps.Executors.Zadig;

/// <summary>A stage of a task (zadig.md §4.2 <c>stages[]</c>).</summary>
public sealed record ZadigStage(string Name, string? Status, IReadOnlyList<ZadigJob> Jobs)
{
    public long StartTime { get; init; }

    public long EndTime { get; init; }

    public string? Error { get; init; }
}
