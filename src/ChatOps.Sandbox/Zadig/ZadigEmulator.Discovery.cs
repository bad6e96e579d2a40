using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Zadig;

public sealed partial class ZadigEmulator
{
    private void MapDiscovery(WebApplication app)
    {
        app.MapGet("/openapi/workflows", (string? projectKey) => Locked(() => projectKey is null
            ? ZadigErrors.BadRequest("projectKey is required")
            : Reply.Json(new JsonObject
            {
                ["workflows"] = new JsonArray(_world.Workflows.Values.Where(w => w.Project == projectKey)
                    .Select(w => (JsonNode?)ZadigJson.WorkflowItem(w)).ToArray()),
            })));
        app.MapGet(Custom + "/{workflowKey}/detail", (string workflowKey) => Locked(() =>
            _world.FindWorkflow(workflowKey) is { Type: "custom" } w ? Reply.Json(ZadigJson.WorkflowDetail(w)) : ZadigErrors.FindWorkflowFailed()));
        app.MapGet("/openapi/environments", (string? projectKey) => Environments(projectKey, production: false));
        app.MapGet("/openapi/environments/production", (string? projectKey) => Environments(projectKey, production: true));
        app.MapGet("/openapi/environments/{envKey}", (string envKey, string? projectKey) => Environment(envKey, projectKey, false));
        app.MapGet("/openapi/environments/production/{envKey}", (string envKey, string? projectKey) => Environment(envKey, projectKey, true));
        app.MapGet("/openapi/projects/project", () => Reply.Json(new JsonObject
        {
            ["total"] = 1,
            ["projects"] = new JsonArray(ZadigJson.Project(_world.Project)),
        }));
    }

    /// <summary>§5.2: a bare array; an unknown project (or no permission) gives [] rather than an error.</summary>
    private IResult Environments(string? projectKey, bool production) => Locked(() => projectKey is null
        ? ZadigErrors.BadRequest("projectKey is required")
        : Reply.Json(new JsonArray(_world.Environments.Values
            .Where(e => projectKey == _world.Project && e.Production == production)
            .Select(e => (JsonNode?)ZadigJson.EnvironmentItem(e, _world.Project)).ToArray())));

    private IResult Environment(string envKey, string? projectKey, bool production) => Locked(() =>
        projectKey is null ? ZadigErrors.BadRequest("projectKey is required")
        : projectKey == _world.Project && _world.Environments.TryGetValue(envKey, out var env) && env.Production == production
            ? Reply.Json(ZadigJson.EnvironmentDetail(env, _world.Project))
            : ZadigErrors.NoDocuments());
}
