namespace ChatOps.Executors.Tracking;

/// <summary>Why a run failed, for its live message: the failed job, the backend's reason, and the last lines of its log.</summary>
public sealed record RunFailure(string Job, string? Reason, IReadOnlyList<string> LogTail);
