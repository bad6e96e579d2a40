using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Zadig;

internal static partial class ZadigJson
{
    /// <summary>§7.1 webhook body: `workflow_name` is the key and `project_name` the project key.</summary>
    public static JsonObject WorkflowHook(ZadigTask task, string status, string web) => new()
    {
        ["object_kind"] = "workflow",
        ["event"] = "workflow",
        ["release_plan"] = null,
        ["workflow"] = new JsonObject
        {
            ["task_id"] = task.Id,
            ["project_name"] = task.Workflow.Project,
            ["project_display_name"] = char.ToUpperInvariant(task.Workflow.Project[0]) + task.Workflow.Project[1..],
            ["workflow_name"] = task.Workflow.Key,
            ["workflow_display_name"] = task.Workflow.DisplayName,
            ["status"] = status,
            ["remark"] = task.Remark,
            ["error"] = task.Error,
            ["task_type"] = "workflow",
            ["detail_url"] = $"{web}/v1/projects/detail/{task.Workflow.Project}/pipelines/custom/{task.Workflow.Key}"
                + $"?display_name={Uri.EscapeDataString(task.Workflow.DisplayName)}",
            ["create_time"] = task.CreateTime,
            ["start_time"] = task.StartTime,
            ["end_time"] = task.EndTime,
            ["task_creator"] = task.Creator,
            ["task_creator_id"] = ZadigUser.Id,
            ["task_creator_email"] = ZadigUser.Email,
            ["stages"] = new JsonArray(task.Stages.Select(s => (JsonNode?)HookStage(s)).ToArray()),
        },
    };

    private static JsonObject HookStage(ZadigTaskStage stage) => new()
    {
        ["name"] = stage.Name,
        ["status"] = stage.Status,
        ["start_time"] = stage.StartTime,
        ["end_time"] = stage.EndTime,
        ["error"] = stage.Error,
        ["jobs"] = new JsonArray(stage.Jobs.Select(j => (JsonNode?)HookJob(j)).ToArray()),
    };

    private static JsonObject HookJob(ZadigTaskJob job)
    {
        var body = new JsonObject
        {
            ["name"] = job.Name,
            ["display_name"] = job.DisplayName,
            ["type"] = job.Type,
            ["status"] = job.Status,
            ["start_time"] = job.StartTime,
            ["end_time"] = job.EndTime,
            ["error"] = job.Error,
        };
        JsonObject? spec = job.Type switch
        {
            "zadig-build" or "freestyle" => new JsonObject
            {
                ["repositories"] = new JsonArray(job.Repos.Select(r => (JsonNode?)new JsonObject
                {
                    ["repo_name"] = r?["repo_name"]?.DeepClone(), ["branch"] = r?["branch"]?.DeepClone(), ["commit_id"] = r?["commit_id"]?.DeepClone(),
                }).ToArray()),
                ["image"] = job.Image ?? "",
            },
            "zadig-deploy" => new JsonObject
            {
                ["env"] = job.Env,
                ["service_name"] = job.ServiceName,
                ["service_modules"] = new JsonArray(new JsonObject { ["service_module"] = job.ServiceModule, ["image"] = job.Image }),
            },
            _ => null,
        };
        if (spec is not null)
        {
            body["spec"] = spec;
        }

        return body;
    }
}
