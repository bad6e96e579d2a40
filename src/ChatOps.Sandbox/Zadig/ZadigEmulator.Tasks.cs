using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Zadig;

public sealed partial class ZadigEmulator
{
    private const string Custom = "/openapi/workflows/custom";

    private void MapTasks(WebApplication app)
    {
        app.MapPost(Custom + "/task", RunAsync);
        app.MapGet(Custom + "/task", (long? taskId, string? workflowKey) => Locked(() =>
            taskId is null || workflowKey is null ? ZadigErrors.BadRequest("taskId and workflowKey are required")
            : FindTask(workflowKey, taskId.Value) is { } task ? Reply.Json(ZadigJson.Task(task))
            : ZadigErrors.NoDocuments()));
        app.MapDelete(Custom + "/task", (long? taskId, string? workflowKey) => Locked(() =>
            taskId is null || workflowKey is null ? ZadigErrors.BadRequest("taskId and workflowKey are required")
            : FindTask(workflowKey, taskId.Value) is not { } task ? ZadigErrors.CancelFailed("mongo: no documents in result")
            : _runner.Cancel(task, ZadigUser.Name) ? Reply.Json(ZadigJson.Success())
            : ZadigErrors.CancelFailed($"task {task.Id} is already {task.Status}")));
        app.MapPost(Custom + "/{workflowKey}/task/{taskId:long}", (string workflowKey, long taskId) => Locked(() =>
            FindTask(workflowKey, taskId) is not { } task ? ZadigErrors.NoDocuments()
            : _runner.Retry(task) ? Reply.Json(ZadigJson.Success())
            : ZadigErrors.Plain($"workflow task {workflowKey}/{taskId} is {task.Status}, only failed, timeout, cancelled or reject tasks can be retried")));
        app.MapPut(Custom + "/{workflowKey}/task/{taskId:long}", async (HttpRequest request, string workflowKey, long taskId) =>
        {
            var body = await ReadBodyAsync(request).ConfigureAwait(false);
            return Locked(() =>
            {
                if (FindTask(workflowKey, taskId) is not { } task)
                {
                    return ZadigErrors.NoDocuments();
                }

                task.Remark = body is null ? task.Remark : Text(body, "remark") ?? "";
                return Reply.Json(ZadigJson.Success());
            });
        });
        app.MapPost(Custom + "/task/approve", ApproveAsync);
        app.MapGet(Custom + "/{workflowKey}/tasks", (HttpContext context, string workflowKey, int? pageNum, int? pageSize) => Locked(() =>
        {
            if (_world.FindWorkflow(workflowKey) is not { } workflow)
            {
                return ZadigErrors.FindWorkflowFailed();
            }

            var size = Math.Max(1, pageSize ?? 10);
            var page = workflow.Tasks.OrderByDescending(t => t.Id).Skip((Math.Max(1, pageNum ?? 1) - 1) * size).Take(size);
            return Reply.Json(new JsonObject
            {
                ["total"] = workflow.Tasks.Count,
                ["workflow_tasks"] = new JsonArray(page.Select(t => (JsonNode?)ZadigJson.TaskSummary(t)).ToArray()),
            });
        }));
    }

    private async Task<IResult> RunAsync(HttpRequest request)
    {
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        if (body is null || Text(body, "workflow_key") is not { Length: > 0 } key)
        {
            return ZadigErrors.BadRequest("workflow_key is required");
        }

        return Locked(() =>
        {
            if (_world.FindWorkflow(key) is not { Type: "custom" } workflow)
            {
                return ZadigErrors.FindWorkflowFailed();
            }

            if (Text(body, "project_key") is { Length: > 0 } project && project != workflow.Project)
            {
                return Reply.Empty(StatusCodes.Status403Forbidden);
            }

            var id = workflow.Tasks.Count + 1L;
            var builder = new TaskBuilder(_world, workflow, id, _clock.Now);
            try
            {
                var task = new ZadigTask
                {
                    Id = id,
                    Workflow = workflow,
                    Creator = ZadigUser.Name,
                    CreateTime = _clock.Now.ToUnixTimeSeconds(),
                    Params = builder.Params(body["parameters"] as JsonArray),
                    Stages = builder.Stages(body["inputs"] as JsonArray),
                };
                workflow.Tasks.Add(task);
                _runner.Start(task);
                return Reply.Json(ZadigJson.Created(task));
            }
            catch (ZadigInputException ex)
            {
                return ZadigErrors.Plain(ex.Message);
            }
        });
    }

    private async Task<IResult> ApproveAsync(HttpRequest request)
    {
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        if (body is null || body["task_id"] is not JsonValue id || !id.TryGetValue<long>(out var taskId))
        {
            return ZadigErrors.BadRequest("task_id is required");
        }

        var approve = body["approve"] is JsonValue a && a.TryGetValue<bool>(out var yes) && yes;
        var jobName = Text(body, "stage_name") ?? "";
        return Locked(() =>
            FindTask(Text(body, "workflow_key"), taskId) is not { } task ? ZadigErrors.ApproveFailed("mongo: no documents in result")
            : _runner.Approve(task, jobName, approve) ? Reply.Json(ZadigJson.Success())
            : ZadigErrors.ApproveFailed($"no approval job named {jobName} is waiting in task {taskId}"));
    }

    private IResult Locked(Func<IResult> action)
    {
        lock (_world.Gate)
        {
            return action();
        }
    }
}
