using ChatOps.Core.Commands;

namespace ChatOps.Core.Execution;

/// <summary>Runs bound commands against the backends; the dialog sees only this.</summary>
public interface ICommandExecutor
{
    /// <summary>The intents this executor can serve with the current catalog and configuration.</summary>
    IReadOnlySet<string> SupportedIntents { get; }

    /// <summary>Says exactly what <paramref name="command"/> would do, or why it cannot, without side effects.</summary>
    Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken);

    /// <summary>Runs the command once per <see cref="ExecutionRequest.Key"/>; a second call with the same key runs nothing.</summary>
    Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken);
}
