using ChatOps.Core.Execution;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Zadig;

namespace ChatOps.Executors.Tracking;

/// <summary>Maps backend status words onto <see cref="RunStatus"/> (gitlab.md §2, zadig.md §3); null for a word the tracker should ignore.</summary>
public static class BackendStatus
{
    /// <summary>The run status a backend's status word means.</summary>
    public static RunStatus? Map(string backend, string? status) => backend switch
    {
        GitLabExecutor.Backend => GitLab(status),
        ZadigExecutor.Backend => Zadig(status),
        KubernetesExecutor.Backend => Rollout(status),
        _ => null,
    };

    /// <summary>kubectl's rollout status words for a restart or scale: progressing, complete, failed (progress deadline exceeded).</summary>
    public static RunStatus? Rollout(string? status) => status switch
    {
        "progressing" => RunStatus.Running,
        "complete" => RunStatus.Passed,
        "failed" => RunStatus.Failed,
        _ => null,
    };

    /// <summary>GitLab pipeline status: unknown words are ignored, "manual" and "scheduled" count as running (waiting on a person or a timer).</summary>
    public static RunStatus? GitLab(string? status) => status switch
    {
        "created" or "waiting_for_resource" or "preparing" or "pending" => RunStatus.Queued,
        "running" or "canceling" or "waiting_for_callback" or "manual" or "scheduled" => RunStatus.Running,
        "success" => RunStatus.Passed,
        "failed" => RunStatus.Failed,
        // why: a skipped pipeline ran nothing; "passed" would claim a deploy that never happened
        "canceled" or "skipped" => RunStatus.Canceled,
        _ => null,
    };

    /// <summary>Zadig task status: "unstable" is reported as passed, and unknown words count as running (zadig.md §3).</summary>
    public static RunStatus? Zadig(string? status) => status switch
    {
        null or "" or "created" or "queued" or "waiting" or "pending" or "prepare" or "blocked" => RunStatus.Queued,
        "passed" or "unstable" => RunStatus.Passed,
        "failed" or "timeout" or "reject" => RunStatus.Failed,
        "cancelled" => RunStatus.Canceled,
        _ => RunStatus.Running,
    };
}
