using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Zadig;

/// <summary>Renders Zadig bodies with exactly the field names of the contract; zero/empty task fields are omitted (§4.2).</summary>
internal static partial class ZadigJson
{
    public static JsonObject Success() => new() { ["message"] = "success" };

    /// <summary>§4.1 (and §6.1) create response: `workflow_name` holds the key.</summary>
    public static JsonObject Created(ZadigTask task) => new()
    {
        ["project_name"] = task.Workflow.Project,
        ["workflow_name"] = task.Workflow.Key,
        ["task_id"] = task.Id,
    };

    /// <summary>§4.6 item.</summary>
    public static JsonObject TaskSummary(ZadigTask task)
    {
        var item = new JsonObject
        {
            ["workflow_key"] = task.Workflow.Key,
            ["workflow_name"] = task.Workflow.DisplayName,
            ["project_key"] = task.Workflow.Project,
            ["task_id"] = task.Id,
            ["create_time"] = task.CreateTime,
            ["task_creator"] = task.Creator,
        };
        OmitEmpty(item, "start_time", task.StartTime);
        OmitEmpty(item, "end_time", task.EndTime);
        item["status"] = task.Status;
        return item;
    }

    public static JsonArray Params(IEnumerable<ZadigParam> parameters) =>
        new(parameters.Select(p => (JsonNode?)new JsonObject { ["name"] = p.Name, ["type"] = p.Type, ["value"] = p.Value }).ToArray());

    /// <summary>§6.2 `images`: passed build jobs only.</summary>
    public static JsonArray Images(ZadigTask task) => new(task.AllJobs
        .Where(j => j.Type == "zadig-build" && j.Status == "passed" && j.Image is not null)
        .Select(j => (JsonNode?)Image(j.Image!, j.ServiceName)).ToArray());

    private static JsonObject Image(string image, string? service) => new()
    {
        ["image"] = image,
        ["service_name"] = service,
        ["registry_repo"] = image[..image.LastIndexOf('/')],
    };

    private static void OmitEmpty(JsonObject target, string name, long value)
    {
        if (value != 0)
        {
            target[name] = value;
        }
    }

    private static void OmitEmpty(JsonObject target, string name, string value)
    {
        if (value.Length != 0)
        {
            target[name] = value;
        }
    }
}
