using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using Microsoft.Extensions.Logging;

namespace ChatOps.Executors.Tracking;

/// <summary>The <see cref="ICommandExecutor"/> the dialog sees when tracking is on: runs the command, then records the run it started
/// (its id is the request key), so the reply can carry <c>Reply.RunId = request.Key.Value</c>.</summary>
public sealed class TrackingExecutor(ICommandExecutor inner, RunTracker tracker, ILogger<TrackingExecutor> log) : ICommandExecutor
{
    /// <inheritdoc />
    public IReadOnlySet<string> SupportedIntents => inner.SupportedIntents;

    /// <inheritdoc />
    public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken) => inner.PlanAsync(command, cancellationToken);

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await tracker.TrackAsync(request, result, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // why: the run started either way; the person still gets the executor's answer, only the live updates are missing
            TrackingLog.TrackFailed(log, ex, result.Run?.Backend ?? "?", result.Run?.RunId ?? "?");
        }

        return result;
    }
}
