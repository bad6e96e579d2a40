using System.Collections.Concurrent;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;

namespace ChatOps.Adapters.Tests.Slack.Dialog;

/// <summary>Plans everything and records every execution, so a test sees exactly what a Slack conversation ran.</summary>
public sealed class RecordingExecutor : ICommandExecutor
{
    public ConcurrentQueue<ExecutionRequest> Executed { get; } = new();

    public IReadOnlySet<string> SupportedIntents { get; } = IntentNames.All.ToHashSet();

    public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken) =>
        Task.FromResult(new ExecutionPlan(true, $"plan: {command.Intent} {command.Service} {command.Environment}"));

    public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        Executed.Enqueue(request);
        return Task.FromResult(new ExecutionResult(true, $"started {request.Command.Intent} of {request.Command.Service} in {request.Command.Environment}"));
    }
}
