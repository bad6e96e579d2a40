namespace ChatOps.Executors.Zadig;

/// <summary>One entry of the task history (zadig.md §4.6).</summary>
public sealed record ZadigTaskSummary(string WorkflowKey, long TaskId, string? Status, string? TaskCreator, long CreateTime, long StartTime, long EndTime);
