using System.Text.Json.Nodes;

namespace ChatOps.Executors.Zadig;

/// <summary>One job of a run request (zadig.md §4.1 <c>inputs[]</c>); matched by job_name, job_type is informational.</summary>
public sealed record ZadigRunInput(string JobName, string? JobType, JsonObject Parameters);
