using System.Collections.Concurrent;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;

namespace ChatOps.Dialog.Tests.Fakes;

/// <summary>Records every execution it is asked for and never dedupes, so tests see exactly what the dialog lets through.</summary>
public sealed class RecordingExecutor(IReadOnlySet<string>? supported = null) : ICommandExecutor
{
    public ConcurrentQueue<ExecutionRequest> Executed { get; } = new();

    public IReadOnlySet<string> SupportedIntents { get; } = supported ?? IntentNames.All.ToHashSet();

    public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(command.Service == "ghost"
            ? new ExecutionPlan(false, "", "ghost has no pipeline binding")
            : new ExecutionPlan(true, $"plan: {command.Intent} {command.Service} {command.Environment}"));

    /// <summary>What a recovery (<see cref="ExecutionRequest.Recovering"/>) answers; by default what the router answers when the backend shows nothing to adopt.</summary>
    public Func<ExecutionRequest, ExecutionResult> OnRecover { get; set; } = r => ExecutionResult.AlreadyClaimed(r.Key);

    /// <summary>What a first execution answers; by default a success naming what started.</summary>
    public Func<ExecutionRequest, ExecutionResult> OnExecute { get; set; } =
        r => new ExecutionResult(true, $"started {r.Command.Intent} of {r.Command.Service} in {r.Command.Environment}");

    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Executed.Enqueue(request);
        return request.Recovering ? OnRecover(request) : OnExecute(request);
    }
}
