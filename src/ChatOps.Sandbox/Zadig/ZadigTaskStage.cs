namespace ChatOps.Sandbox.Zadig;

/// <summary>One stage of a task; its jobs run in parallel.</summary>
internal sealed class ZadigTaskStage
{
    public required string Name { get; init; }

    public required bool Parallel { get; init; }

    public required List<ZadigTaskJob> Jobs { get; init; }

    public string Status { get; set; } = "";

    public long StartTime { get; set; }

    public long EndTime { get; set; }

    public string Error { get; set; } = "";
}
