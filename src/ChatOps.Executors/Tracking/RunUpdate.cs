using ChatOps.Core.Execution;

namespace ChatOps.Executors.Tracking;

/// <summary>One report about a backend run (a hook, a callback or a poll), the only input that can change a tracked run's status.</summary>
/// <param name="Backend">"gitlab", "zadig" or "kubernetes".</param>
/// <param name="BackendRunId">The run's backend id as stored: "project-id:pipeline-id" for GitLab, "workflow-key:task-id" for Zadig, "namespace/deployments/name@run" for a Kubernetes rollout.</param>
/// <param name="Status">The status the backend reports, already mapped.</param>
/// <param name="At">When the bot learned it.</param>
/// <param name="Source">Where it came from: "gitlab pipeline hook", "gitlab job hook", "zadig callback", "zadig webhook", "poll".</param>
/// <param name="Detail">The backend's own words (raw status, job name, error), kept in the history.</param>
/// <param name="DedupeKey">The delivery's identity (Idempotency-Key, event UUID); a repeated key is ignored.</param>
/// <param name="WebUrl">A link to the run when the report carries one.</param>
public sealed record RunUpdate(
    string Backend, string BackendRunId, RunStatus Status, DateTimeOffset At, string Source,
    string? Detail = null, string? DedupeKey = null, string? WebUrl = null);
