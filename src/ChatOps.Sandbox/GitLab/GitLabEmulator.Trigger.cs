using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.GitLab;

public sealed partial class GitLabEmulator
{
    /// <summary>E6: trigger token in the body or query, variables a flat string map, TRIGGER_PAYLOAD added as a file variable.</summary>
    private async Task<IResult> TriggerPipelineAsync(HttpContext context, string id, string? pathRef)
    {
        if (context.Request.Headers["X-Gitlab-Event"] == "Pipeline Hook")
        {
            return GitLabErrors.Forbidden();
        }

        var parameters = await RackParams.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (parameters is null)
        {
            return GitLabErrors.BadParam("The request body is not valid JSON");
        }

        var token = RackParams.String(parameters, "token");
        var reference = pathRef ?? RackParams.String(parameters, "ref");
        if (token is null || reference is null)
        {
            return GitLabErrors.BadParam(token is null ? "token is missing" : "ref is missing");
        }

        if (!Secrets.Match(token, _options.Tokens.GitLabTriggerToken))
        {
            return GitLabErrors.TriggerNotFound();
        }

        var variables = new List<GitLabVariable>();
        if (parameters["variables"] is { } raw)
        {
            if (raw is not JsonObject map || !TryReadMap(map, variables))
            {
                return GitLabErrors.TriggerVariablesNotStrings();
            }
        }

        parameters.Remove("token");
        variables.Add(new GitLabVariable("TRIGGER_PAYLOAD", parameters.ToJsonString(), "file"));
        return WithProject(id, p => p.FindBranch(reference) is null && p.FindTag(reference) is null
            ? GitLabErrors.ReferenceNotFound()
            : Reply.Json(GitLabJson.Pipeline(_runner.Create(p, reference, variables, "trigger"), WebBase), StatusCodes.Status201Created));
    }

    private static bool TryReadMap(JsonObject map, List<GitLabVariable> into)
    {
        foreach (var (key, value) in map)
        {
            if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
            {
                return false;
            }

            into.Add(new GitLabVariable(key, text));
        }

        return true;
    }
}
