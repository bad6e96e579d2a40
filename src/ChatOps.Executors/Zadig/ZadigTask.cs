namespace ChatOps.Executors.Zadig;

/// <summary>Task detail (zadig.md §4.2); empty members are omitted by Zadig, so most are nullable. Times are Unix seconds.</summary>
public sealed record ZadigTask(long TaskId, string WorkflowKey, string? WorkflowName, string? ProjectKey)
{
    /// <summary>Omitted (null) before the task starts; see §3 for values.</summary>
    public string? Status { get; init; }

    public string? TaskCreator { get; init; }

    public string? TaskRevoker { get; init; }

    public long CreateTime { get; init; }

    public long StartTime { get; init; }

    public long EndTime { get; init; }

    public string? Error { get; init; }

    public bool IsRestart { get; init; }

    public IReadOnlyList<ZadigParameter> Params { get; init; } = [];

    public IReadOnlyList<ZadigStage> Stages { get; init; } = [];
}
