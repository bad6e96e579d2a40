using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Zadig;

internal static partial class ZadigJson
{
    /// <summary>§5.1 item.</summary>
    public static JsonObject WorkflowItem(ZadigWorkflow w) => new()
    {
        ["workflow_key"] = w.Key,
        ["workflow_name"] = w.DisplayName,
        ["update_by"] = "alice",
        ["update_time"] = w.UpdateTime,
        ["type"] = w.Type,
    };

    /// <summary>§4.7 workflow definition.</summary>
    public static JsonObject WorkflowDetail(ZadigWorkflow w) => new()
    {
        ["workflow_key"] = w.Key,
        ["workflow_name"] = w.DisplayName,
        ["project_key"] = w.Project,
        ["description"] = w.Description,
        ["created_by"] = "alice",
        ["create_time"] = w.UpdateTime - 86_400,
        ["updated_by"] = "alice",
        ["update_time"] = w.UpdateTime,
        ["params"] = Params(w.Params),
        ["stages"] = new JsonArray(w.Stages.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["parallel"] = s.Parallel,
            ["jobs"] = new JsonArray(s.Jobs.Select(j => (JsonNode?)new JsonObject
            {
                ["name"] = j.Name,
                ["type"] = j.Type,
                ["spec"] = j.Env is null ? new JsonObject() : new JsonObject { ["env"] = j.Env },
            }).ToArray()),
        }).ToArray()),
        ["notify_ctls"] = new JsonArray(),
        ["concurrency_limit"] = 1,
    };

    /// <summary>§5.2 item: `envName` is only the alias and is omitted when empty.</summary>
    public static JsonObject EnvironmentItem(ZadigEnvironment e, string project) => new()
    {
        ["env_key"] = e.Key,
        ["envName"] = $"{char.ToUpperInvariant(e.Key[0])}{e.Key[1..]} env",
        ["cluster_id"] = ClusterId(project),
        ["namespace"] = e.Key,
        ["production"] = e.Production,
        ["registry_id"] = RegistryId(project),
        ["status"] = "success",
        ["update_by"] = e.UpdateBy,
        ["update_time"] = e.UpdateTime,
    };

    /// <summary>§5.3 services of one environment.</summary>
    public static JsonObject EnvironmentDetail(ZadigEnvironment e, string project) => new()
    {
        ["project_key"] = project,
        ["env_key"] = e.Key,
        ["env_name"] = $"{char.ToUpperInvariant(e.Key[0])}{e.Key[1..]} env",
        ["cluster_id"] = ClusterId(project),
        ["namespace"] = e.Key,
        ["registry_id"] = RegistryId(project),
        ["status"] = "success",
        ["update_by"] = e.UpdateBy,
        ["update_time"] = e.UpdateTime,
        ["global_variables"] = new JsonArray(),
        ["services"] = new JsonArray(e.Images.Select(p => (JsonNode?)new JsonObject
        {
            ["service_name"] = p.Key,
            ["type"] = "k8s",
            ["status"] = "running",
            ["deploy_strategy"] = "deploy",
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = p.Key, ["type"] = "", ["image"] = p.Value, ["image_name"] = p.Key,
            }),
            ["variable_kvs"] = new JsonArray(),
        }).ToArray()),
    };

    /// <summary>§5.4 item.</summary>
    public static JsonObject Project(string project) => new()
    {
        ["project_name"] = char.ToUpperInvariant(project[0]) + project[1..],
        ["project_key"] = project,
        ["description"] = $"The {project} product",
        ["deploy_type"] = "k8s",
    };

    private static string ClusterId(string project) => Deterministic.Sha("cluster:" + project)[..8];

    private static string RegistryId(string project) => Deterministic.Sha("registry:" + project)[..24];
}
