using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using Microsoft.Extensions.Logging;

namespace ChatOps.Executors.Tracking;

/// <summary>The <see cref="ICommandExecutor"/> the dialog sees when tracking is on: runs the command, then records the run it started
/// (its id is the request key), so the reply can carry <c>Reply.RunId = request.Key.Value</c>; it also answers runs.list itself.</summary>
public sealed class TrackingExecutor(ICommandExecutor inner, RunTracker tracker, ILogger<TrackingExecutor> log) : ICommandExecutor
{
    private const int ListedRuns = 15;

    /// <inheritdoc />
    public IReadOnlySet<string> SupportedIntents { get; } = new HashSet<string>(inner.SupportedIntents, StringComparer.Ordinal) { IntentNames.RunsList };

    /// <inheritdoc />
    public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Intent == IntentNames.RunsList
            ? Task.FromResult(new ExecutionPlan(true, "list the runs the bot is following"))
            : inner.PlanAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Command.Intent == IntentNames.RunsList)
        {
            return new ExecutionResult(true, await tracker.DescribeRecentAsync(ListedRuns, cancellationToken).ConfigureAwait(false));
        }

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
