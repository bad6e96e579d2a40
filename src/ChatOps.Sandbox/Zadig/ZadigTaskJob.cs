using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Zadig;

/// <summary>One task job (contract §4.2): one per service for build/deploy jobs, named job-stage-job-sub-origin.</summary>
internal sealed class ZadigTaskJob
{
    public required string Name { get; init; }

    public required string Key { get; init; }

    public required string DisplayName { get; init; }

    public required string OriginName { get; init; }

    public required string Type { get; init; }

    public string? ServiceName { get; init; }

    public string? ServiceModule { get; init; }

    public string? Env { get; init; }

    public bool Production { get; init; }

    public string? Image { get; set; }

    public JsonArray Repos { get; init; } = [];

    public JsonObject Extra { get; init; } = [];

    public string Status { get; set; } = "";

    public long StartTime { get; set; }

    public long EndTime { get; set; }

    public string Error { get; set; } = "";

    public int RetryCount { get; set; }

    public bool IsDone => ZadigStatus.IsTerminal(Status);
}
