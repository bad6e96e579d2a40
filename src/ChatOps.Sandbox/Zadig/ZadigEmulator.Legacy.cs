using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Zadig;

public sealed partial class ZadigEmulator
{
    /// <summary>§6.1 product-workflow public API, served under both the old and the current prefix.</summary>
    private void MapLegacy(WebApplication app, string prefix)
    {
        app.MapPost(prefix + "/workflowTask/create", CreateLegacyAsync);
        app.MapGet(prefix + "/workflowTask", (string? commitId) => Locked(() =>
            Reply.Json(new JsonArray(LegacyTasks().Where(t => Built(t, commitId)).Select(t => (JsonNode?)LegacyItem(t)).ToArray()))));
        app.MapGet(prefix + "/workflowTask/id/{id:long}/pipelines/{name}", (long id, string name) => Locked(() =>
            FindTask(name, id) is { Callback: not null } t ? Reply.Json(new JsonObject
            {
                ["workflow_name"] = t.Workflow.Key,
                ["env_name"] = t.LegacyEnv,
                ["status"] = t.Status,
                ["targets"] = t.Callback.Targets.DeepClone(),
                ["images"] = ZadigJson.Images(t),
                ["test_reports"] = new JsonArray(),
            }) : LegacyResult(404, "fail")));
        app.MapPost(prefix + "/workflowTask/id/{id:long}/pipelines/{name}/cancel", (long id, string name) => Locked(() =>
            FindTask(name, id) is { Callback: not null } t && _runner.Cancel(t, ZadigUser.Name) ? LegacyResult(0, "success") : LegacyResult(500, "fail")));
        app.MapPost(prefix + "/workflowTask/id/{id:long}/pipelines/{name}/restart", (long id, string name) => Locked(() =>
            FindTask(name, id) is { Callback: not null } t && _runner.Retry(t) ? LegacyResult(0, "success") : LegacyResult(500, "fail")));
    }

    /// <summary>True when a build job of the task checked out the commit (the short commit id is a prefix of the full sha).</summary>
    private static bool Built(ZadigTask task, string? commitId) =>
        commitId is { Length: >= 7 } && task.AllJobs.SelectMany(j => j.Repos)
            .Any(r => r?["commit_id"]?.GetValue<string>() is { } shortId && commitId.StartsWith(shortId, StringComparison.Ordinal));

    private JsonObject LegacyItem(ZadigTask t) => new()
    {
        ["task_id"] = t.Id,
        ["url"] = $"{BaseAddress.ToString().TrimEnd('/')}/v1/projects/detail/{t.Workflow.Project}/pipelines/multi/{t.Workflow.Key}/{t.Id}",
        ["status"] = t.Status,
        ["create_time"] = t.CreateTime,
        ["start_time"] = t.StartTime,
        ["end_time"] = t.EndTime,
    };

    private IEnumerable<ZadigTask> LegacyTasks() =>
        _world.Workflows.Values.Where(w => w.Type == "product").SelectMany(w => w.Tasks);

    /// <summary>Legacy results: resultCode 0 on success, else the HTTP status.</summary>
    private static IResult LegacyResult(int code, string message) =>
        Reply.Json(new JsonObject { ["resultCode"] = code, ["errorMsg"] = message }, code == 0 ? 200 : code);

    private async Task<IResult> CreateLegacyAsync(HttpRequest request)
    {
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        if (body is null || Text(body, "workflow_name") is not { Length: > 0 } key)
        {
            return ZadigErrors.BadRequest("workflow_name is required");
        }

        return Locked(() =>
        {
            if (_world.FindWorkflow(key) is not { Type: "product" } workflow)
            {
                return ZadigErrors.FindWorkflowFailed();
            }

            var env = Text(body, "env_name") is { Length: > 0 } e ? e : workflow.Env!;
            var targets = body["targets"] as JsonArray ?? [];
            var inputs = LegacyInputs(env, targets, body["release_images"] as JsonArray ?? []);
            var id = workflow.Tasks.Count + 1L;
            var builder = new TaskBuilder(_world, workflow, id, _clock.Now);
            try
            {
                var callback = body["callback"] as JsonObject;
                var task = new ZadigTask
                {
                    Id = id,
                    Workflow = workflow,
                    Creator = "openAPI",
                    CreateTime = _clock.Now.ToUnixTimeSeconds(),
                    Params = [],
                    Stages = builder.Stages(inputs),
                    LegacyEnv = env,
                    Callback = new ZadigCallback(
                        callback is null ? "" : Text(callback, "callback_url") ?? "",
                        callback?["callback_vars"]?.DeepClone() as JsonObject ?? [],
                        (JsonArray)targets.DeepClone()),
                };
                workflow.Tasks.Add(task);
                _runner.Start(task);
                return Reply.Json(ZadigJson.Created(task));
            }
            catch (ZadigInputException ex)
            {
                return ZadigErrors.CreateTaskFailed(ex.Message);
            }
        });
    }

    /// <summary>Maps §6.1 targets and release_images onto the build and deploy jobs of the product workflow.</summary>
    private JsonArray LegacyInputs(string env, JsonArray targets, JsonArray releaseImages)
    {
        var builds = new JsonArray(targets.Select(t => (JsonNode?)new JsonObject
        {
            ["service_name"] = t?["name"]?.DeepClone(),
            ["repo_info"] = new JsonArray((t?["build"]?["repos"] as JsonArray ?? []).Select(r => (JsonNode?)new JsonObject
            {
                ["repo_name"] = r?["repo_name"]?.DeepClone(), ["branch"] = r?["branch"]?.DeepClone(),
            }).ToArray()),
        }).ToArray());
        var deploys = new JsonArray(targets.Select(t => (JsonNode?)new JsonObject { ["service_name"] = t?["name"]?.DeepClone() })
            .Concat(releaseImages.Select(i => (JsonNode?)new JsonObject
            {
                ["service_name"] = i?["service_name"]?.DeepClone(), ["image_name"] = i?["image"]?.DeepClone(),
            })).ToArray());
        var inputs = new JsonArray();
        if (builds.Count > 0)
        {
            inputs.Add(new JsonObject { ["job_name"] = "build", ["parameters"] = new JsonObject { ["registry"] = _world.Registry, ["service_list"] = builds } });
        }

        inputs.Add(new JsonObject { ["job_name"] = "deploy", ["parameters"] = new JsonObject { ["env_name"] = env, ["service_list"] = deploys } });
        return inputs;
    }
}
