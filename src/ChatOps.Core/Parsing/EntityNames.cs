namespace ChatOps.Core.Parsing;

/// <summary>The entity names of the NLU contract (shared/nlu-schema.md).</summary>
public static class EntityNames
{
    public const string Service = "service";
    public const string Environment = "environment";
    public const string Ref = "ref";
    public const string Workflow = "workflow";
    public const string Project = "project";
    public const string Namespace = "namespace";
    public const string Pod = "pod";
    public const string Replicas = "replicas";
    public const string Lines = "lines";
    public const string Since = "since";
    public const string PipelineId = "pipeline_id";

    /// <summary>Entities whose value is an integer.</summary>
    public static bool IsNumeric(string entity) =>
        entity is Replicas or Lines or Since or PipelineId;

    /// <summary>Every entity of the contract.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Service, Environment, Ref, Workflow, Project, Namespace, Pod, Replicas, Lines, Since, PipelineId];
}
