using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Core.Parsing;

namespace ChatOps.Executors.Tests.Support;

/// <summary>Builds bound commands and execution requests the way the dialog would.</summary>
public static class Commands
{
    public static ChatCommand Cmd(string intent, string? service = null, string? environment = null, string? reference = null,
        long? pipelineId = null, string? workflow = null, string? pod = null, int? replicas = null, int? lines = null, int? since = null,
        string? ns = null) =>
        new(intent, new ParsedEntities
        {
            Services = service is null ? [] : [service],
            Environment = environment,
            Ref = reference,
            PipelineId = pipelineId,
            Workflow = workflow,
            Pod = pod,
            Replicas = replicas,
            Lines = lines,
            Since = since,
            Namespace = ns,
        });

    public static ExecutionRequest Request(ChatCommand command, string? key = null) =>
        new(command, new IdempotencyKey(key ?? "req-" + Guid.NewGuid().ToString("N")[..12]), "alice", null,
            new ConversationKey("T1", "C1", "1700000000.000100"), null);
}
