using ChatOps.Core.Execution;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Zadig;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Tracking;

/// <summary>The backends whose runs are tracked, asked through their executors for tracking ids, polls and failure details.</summary>
/// <remarks>A null executor means that backend is not configured, and its runs are not tracked.</remarks>
public sealed class RunBackends(GitLabExecutor? gitLab, ZadigExecutor? zadig, IOptions<TrackingOptions> options, KubernetesExecutor? kubernetes = null)
{
    /// <summary>True when runs of <paramref name="backend"/> can be followed to their end.</summary>
    public bool Tracks(string backend) => backend switch
    {
        GitLabExecutor.Backend => gitLab is not null,
        ZadigExecutor.Backend => zadig is not null,
        KubernetesExecutor.Backend => kubernetes is not null,
        _ => false,
    };

    /// <summary>True when the backend reports on its own (hooks, callbacks); a rollout has none, so it is polled from the start.</summary>
    public static bool SendsHooks(string backend) => backend != KubernetesExecutor.Backend;

    internal async Task<string> TrackingIdAsync(RunHandle handle, string runId, CancellationToken cancellationToken) => handle.Backend switch
    {
        KubernetesExecutor.Backend => KubernetesExecutor.TrackingId(handle, runId),
        GitLabExecutor.Backend => await GitLab.TrackingIdAsync(handle, cancellationToken).ConfigureAwait(false),
        ZadigExecutor.Backend => ZadigExecutor.TrackingId(handle),
        _ => throw new NotSupportedException($"Runs of {handle.Backend} are not tracked."),
    };

    internal Task<RunUpdate?> PollAsync(RunRecord run, DateTimeOffset now, CancellationToken cancellationToken) => run.Backend switch
    {
        GitLabExecutor.Backend => GitLab.PollRunAsync(run.BackendRunId, now, cancellationToken),
        ZadigExecutor.Backend => Zadig.PollRunAsync(run.BackendRunId, now, cancellationToken),
        KubernetesExecutor.Backend => Kubernetes.PollRolloutAsync(run.BackendRunId, now, cancellationToken),
        _ => Task.FromResult<RunUpdate?>(null),
    };

    internal Task<RunFailure?> FailureAsync(RunRecord run, CancellationToken cancellationToken) => run.Backend switch
    {
        GitLabExecutor.Backend => GitLab.FailureAsync(run.BackendRunId, options.Value.FailureLogLines, cancellationToken),
        ZadigExecutor.Backend => Zadig.FailureAsync(run.BackendRunId, cancellationToken),
        _ => Task.FromResult<RunFailure?>(null),
    };

    private GitLabExecutor GitLab => gitLab ?? throw new InvalidOperationException("No GitLab is configured.");

    private KubernetesExecutor Kubernetes => kubernetes ?? throw new InvalidOperationException("No Kubernetes is configured.");

    private ZadigExecutor Zadig => zadig ?? throw new InvalidOperationException("No Zadig is configured.");
}
