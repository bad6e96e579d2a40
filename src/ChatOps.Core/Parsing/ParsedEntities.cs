namespace ChatOps.Core.Parsing;

/// <summary>The normalized entities of one message; absent ones are null (or an empty service list).</summary>
public sealed record ParsedEntities
{
    /// <summary>An instance with no entity at all.</summary>
    public static ParsedEntities Empty { get; } = new();

    public IReadOnlyList<string> Services { get; init; } = [];
    public string? Environment { get; init; }
    public string? Ref { get; init; }
    public string? Workflow { get; init; }
    public string? Project { get; init; }
    public string? Namespace { get; init; }
    public string? Pod { get; init; }
    public int? Replicas { get; init; }
    public int? Lines { get; init; }
    public int? Since { get; init; }
    public long? PipelineId { get; init; }

    /// <summary>The first named service, or null.</summary>
    public string? Service => Services.Count > 0 ? Services[0] : null;

    /// <summary>The entities in the contract's shape: name to string, integer or list of strings.</summary>
    public IReadOnlyDictionary<string, object> ToContract()
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Services.Count == 1) map[EntityNames.Service] = Services[0];
        else if (Services.Count > 1) map[EntityNames.Service] = Services.ToArray();
        Put(map, EntityNames.Environment, Environment);
        Put(map, EntityNames.Ref, Ref);
        Put(map, EntityNames.Workflow, Workflow);
        Put(map, EntityNames.Project, Project);
        Put(map, EntityNames.Namespace, Namespace);
        Put(map, EntityNames.Pod, Pod);
        if (Replicas is { } r) map[EntityNames.Replicas] = r;
        if (Lines is { } l) map[EntityNames.Lines] = l;
        if (Since is { } s) map[EntityNames.Since] = s;
        if (PipelineId is { } p) map[EntityNames.PipelineId] = p;
        return map;
    }

    private static void Put(Dictionary<string, object> map, string key, string? value)
    {
        if (value is not null) map[key] = value;
    }
}
