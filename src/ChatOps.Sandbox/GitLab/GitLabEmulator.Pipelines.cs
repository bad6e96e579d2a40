using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.GitLab;

public sealed partial class GitLabEmulator
{
    private const string PipelineRoute = ProjectRoute + "/pipelines/{pipelineId:long}";

    private void MapPipelines(WebApplication app)
    {
        app.MapPost(ProjectRoute + "/pipeline", CreatePipelineAsync);
        app.MapPost(ProjectRoute + "/trigger/pipeline", (HttpContext c, string id) => TriggerPipelineAsync(c, id, null));
        app.MapPost(ProjectRoute + "/ref/{reference}/trigger/pipeline", (HttpContext c, string id, string reference) =>
            TriggerPipelineAsync(c, id, Uri.UnescapeDataString(reference)));
        app.MapGet(ProjectRoute + "/trigger/pipeline", () => GitLabErrors.TriggerNotFound());
        app.MapGet(ProjectRoute + "/pipelines", ListPipelines);
        app.MapGet(ProjectRoute + "/pipelines/latest", (string id, string? @ref) => WithProject(id, p =>
            _world.Pipelines.Values.Where(x => x.Project == p && x.Ref == (@ref ?? p.DefaultBranch)).MaxBy(x => x.Id) is { } latest
                ? Reply.Json(GitLabJson.Pipeline(latest, WebBase))
                : GitLabErrors.Forbidden()));
        app.MapGet(PipelineRoute, (string id, long pipelineId) =>
            WithPipeline(id, pipelineId, p => Reply.Json(GitLabJson.Pipeline(p, WebBase))));
        app.MapPost(PipelineRoute + "/cancel", (string id, long pipelineId) => WithPipeline(id, pipelineId, p =>
        {
            _runner.Cancel(p);
            return Reply.Json(GitLabJson.Pipeline(p, WebBase));
        }));
        app.MapPost(PipelineRoute + "/retry", (string id, long pipelineId) => WithPipeline(id, pipelineId, p =>
        {
            _runner.Retry(p);
            return Reply.Json(GitLabJson.Pipeline(p, WebBase), StatusCodes.Status201Created);
        }));
        app.MapGet(PipelineRoute + "/variables", (string id, long pipelineId) =>
            WithPipeline(id, pipelineId, p => List(p.Variables, GitLabJson.Variable)));
    }

    private async Task<IResult> CreatePipelineAsync(HttpContext context, string id)
    {
        var parameters = await RackParams.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (parameters is null)
        {
            return GitLabErrors.BadParam("The request body is not valid JSON");
        }

        var reference = RackParams.String(parameters, "ref");
        if (reference is null || reference.Length == 0)
        {
            return GitLabErrors.BadParam(reference is null ? "ref is missing" : "ref is empty");
        }

        var variables = new List<GitLabVariable>();
        if (parameters["variables"] is { } raw)
        {
            if (RackParams.AsArray(raw) is not { } array || !TryReadVariables(array, variables))
            {
                return GitLabErrors.BadParam("variables is invalid");
            }
        }

        return WithProject(id, p => p.FindBranch(reference) is null && p.FindTag(reference) is null
            ? GitLabErrors.ReferenceNotFound()
            : Reply.Json(GitLabJson.Pipeline(_runner.Create(p, reference, variables, "api"), WebBase), StatusCodes.Status201Created));
    }

    private static bool TryReadVariables(JsonArray array, List<GitLabVariable> into)
    {
        foreach (var item in array)
        {
            if (item is not JsonObject v || RackParams.String(v, "key") is not { } key || RackParams.String(v, "value") is not { } value)
            {
                return false;
            }

            var type = RackParams.String(v, "variable_type") ?? "env_var";
            if (type is not ("env_var" or "file"))
            {
                return false;
            }

            into.Add(new GitLabVariable(key, value, type));
        }

        return true;
    }

    private IResult WithPipeline(string id, long pipelineId, Func<GitLabPipeline, IResult> action) => WithProject(id, p =>
        _world.Pipelines.TryGetValue(pipelineId, out var pipeline) && pipeline.Project == p ? action(pipeline) : GitLabErrors.NotFound());
}
