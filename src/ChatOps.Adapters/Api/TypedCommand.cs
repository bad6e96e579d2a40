using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;

namespace ChatOps.Adapters.Api;

/// <summary>A command with its details named, as the NLU contract names intents and entities (shared/nlu-schema.md).</summary>
public sealed record TypedCommand
{
    public string Intent { get; init; } = "";
    public string? Service { get; init; }
    public IReadOnlyList<string>? Services { get; init; }
    public string? Environment { get; init; }
    public string? Ref { get; init; }
    public string? Workflow { get; init; }
    public string? Project { get; init; }
    public string? Namespace { get; init; }
    public string? Pod { get; init; }
    public int? Replicas { get; init; }
    public int? Lines { get; init; }
    public long? PipelineId { get; init; }

    /// <summary>The command as the dialog takes it.</summary>
    public ChatCommand ToCommand() => new(Intent, new ParsedEntities
    {
        Services = Services ?? (Service is null ? [] : [Service]),
        Environment = Environment, Ref = Ref, Workflow = Workflow, Project = Project, Namespace = Namespace, Pod = Pod,
        Replicas = Replicas, Lines = Lines, PipelineId = PipelineId,
    });
}
