using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.GitLab;

/// <summary>The error bodies of contract §3, verbatim.</summary>
internal static class GitLabErrors
{
    public static IResult Unauthorized() => Message("401 Unauthorized", 401);

    public static IResult Forbidden() => Message("403 Forbidden", 403);

    public static IResult InsufficientScope() => Reply.Json(new JsonObject
    {
        ["error"] = "insufficient_scope",
        ["error_description"] = "The request requires higher privileges than provided by the access token.",
        ["scope"] = "api",
    }, 403);

    public static IResult ProjectNotFound() => Message("404 Project Not Found", 404);

    public static IResult BranchNotFound() => Message("404 Branch Not Found", 404);

    public static IResult TagNotFound() => Message("404 Tag Not Found", 404);

    public static IResult NotFound() => Message("404 Not found", 404);

    /// <summary>Wrong trigger token, PAT as trigger token, or GET on the trigger route.</summary>
    public static IResult TriggerNotFound() => Message("404 Not Found", 404);

    public static IResult RouteNotFound() => Reply.Json(new JsonObject { ["error"] = "404 Not Found" }, 404);

    /// <summary>Grape parameter errors, e.g. "ref is missing".</summary>
    public static IResult BadParam(string error) => Reply.Json(new JsonObject { ["error"] = error }, 400);

    public static IResult ReferenceNotFound() => Reply.Json(new JsonObject
    {
        ["message"] = new JsonObject { ["base"] = new JsonArray("Reference not found") },
    }, 400);

    public static IResult TriggerVariablesNotStrings() => Message("variables needs to be a map of key-valued strings", 400);

    public static IResult Message(string message, int status) =>
        Reply.Json(new JsonObject { ["message"] = message }, status);

    /// <summary>Instance throttle (Rack::Attack): plain text and the §4 rate-limit headers.</summary>
    public static Task WriteFaultAsync(HttpContext context, FaultKind fault, FaultKnobs knobs, TimeProvider time)
    {
        if (fault == FaultKind.ServerError)
        {
            return Message("500 Internal Server Error", 500).ExecuteAsync(context);
        }

        var retryAfter = (int)Math.Ceiling(knobs.RetryAfter.TotalSeconds);
        var headers = context.Response.Headers;
        var reset = time.GetUtcNow().AddSeconds(retryAfter);
        headers["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Name"] = "throttle_authenticated_api";
        headers["RateLimit-Limit"] = "600";
        headers["RateLimit-Observed"] = "601";
        headers["RateLimit-Remaining"] = "0";
        headers["RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-ResetTime"] = reset.ToString("R", CultureInfo.InvariantCulture);
        return Reply.Text("Retry later\n", 429).ExecuteAsync(context);
    }
}
