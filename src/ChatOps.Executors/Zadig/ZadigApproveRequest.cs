namespace ChatOps.Executors.Zadig;

/// <summary>The body of POST /openapi/workflows/custom/task/approve (zadig.md §4.5); since v4 <c>stage_name</c> is the approval job's task job name.</summary>
public sealed record ZadigApproveRequest(string WorkflowKey, long TaskId, string StageName, bool Approve, string Comment);
