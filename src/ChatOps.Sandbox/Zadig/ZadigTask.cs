namespace ChatOps.Sandbox.Zadig;

/// <summary>A workflow task (contract §4.2, and §6 for legacy product workflow tasks with a callback).</summary>
internal sealed class ZadigTask
{
    public required long Id { get; init; }

    public required ZadigWorkflow Workflow { get; init; }

    public required string Creator { get; init; }

    public required long CreateTime { get; init; }

    public required IReadOnlyList<ZadigParam> Params { get; init; }

    public required List<ZadigTaskStage> Stages { get; init; }

    public string Status { get; set; } = "created";

    public string Revoker { get; set; } = "";

    public long StartTime { get; set; }

    public long EndTime { get; set; }

    public string Error { get; set; } = "";

    public string Remark { get; set; } = "";

    public bool IsRestart { get; set; }

    /// <summary>Bumped by cancel and retry so earlier scheduled steps see they are stale.</summary>
    public int Epoch { get; set; }

    public ZadigCallback? Callback { get; init; }

    public string? LegacyEnv { get; init; }

    public IEnumerable<ZadigTaskJob> AllJobs => Stages.SelectMany(s => s.Jobs);
}
