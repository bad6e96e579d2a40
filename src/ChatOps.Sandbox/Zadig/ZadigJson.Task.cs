using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Zadig;

internal static partial class ZadigJson
{
    /// <summary>§4.2 task detail.</summary>
    public static JsonObject Task(ZadigTask task)
    {
        var body = new JsonObject
        {
            ["task_id"] = task.Id,
            ["workflow_key"] = task.Workflow.Key,
            ["workflow_name"] = task.Workflow.DisplayName,
            ["project_key"] = task.Workflow.Project,
        };
        OmitEmpty(body, "status", task.Status);
        body["remark"] = task.Remark;
        body["reverted"] = false;
        OmitEmpty(body, "task_creator", task.Creator);
        OmitEmpty(body, "task_revoker", task.Revoker);
        OmitEmpty(body, "create_time", task.CreateTime);
        OmitEmpty(body, "start_time", task.StartTime);
        OmitEmpty(body, "end_time", task.EndTime);
        OmitEmpty(body, "error", task.Error);
        body["is_restart"] = task.IsRestart;
        body["debug"] = false;
        body["approval_ticket_id"] = "";
        body["approval_id"] = "";
        body["params"] = Params(task.Params);
        body["stages"] = new JsonArray(task.Stages.Select(s => (JsonNode?)Stage(s)).ToArray());
        return body;
    }

    private static JsonObject Stage(ZadigTaskStage stage)
    {
        var body = new JsonObject { ["name"] = stage.Name, ["status"] = stage.Status };
        OmitEmpty(body, "start_time", stage.StartTime);
        OmitEmpty(body, "end_time", stage.EndTime);
        body["parallel"] = stage.Parallel;
        body["manual_exec"] = null;
        body["error"] = stage.Error;
        body["jobs"] = new JsonArray(stage.Jobs.Select(j => (JsonNode?)Job(j)).ToArray());
        return body;
    }

    private static JsonObject Job(ZadigTaskJob job)
    {
        var body = new JsonObject
        {
            ["name"] = job.Name,
            ["key"] = job.Key,
            ["display_name"] = job.DisplayName,
            ["origin_name"] = job.OriginName,
            ["type"] = job.Type,
            ["status"] = job.Status,
        };
        OmitEmpty(body, "start_time", job.StartTime);
        OmitEmpty(body, "end_time", job.EndTime);
        OmitEmpty(body, "cost_seconds", job.EndTime > 0 ? job.EndTime - job.StartTime : 0);
        OmitEmpty(body, "error", job.Error);
        OmitEmpty(body, "retry_count", job.RetryCount);
        body["spec"] = Spec(job);
        return body;
    }

    private static JsonObject Spec(ZadigTaskJob job) => job.Type switch
    {
        "zadig-build" => new JsonObject
        {
            ["service_name"] = job.ServiceName,
            ["service_module"] = job.ServiceModule,
            ["image"] = job.Image,
            ["repos"] = job.Repos.DeepClone(),
            ["envs"] = new JsonArray(),
        },
        "zadig-deploy" => new JsonObject
        {
            ["env"] = job.Env,
            ["production"] = job.Production,
            ["service_and_images"] = new JsonArray(new JsonObject
            {
                ["service_name"] = job.ServiceName, ["service_module"] = job.ServiceModule, ["image"] = job.Image,
            }),
        },
        _ => (JsonObject)job.Extra.DeepClone(),
    };
}
