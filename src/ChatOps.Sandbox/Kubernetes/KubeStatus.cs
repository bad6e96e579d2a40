using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Kubernetes;

/// <summary>Kubernetes `Status` error bodies (kind Status, status Failure, reason, code).</summary>
internal static class KubeStatus
{
    public static IResult NotFound(string resource, string name, string? group = null)
    {
        var details = new JsonObject { ["name"] = name };
        if (group is not null)
        {
            details["group"] = group;
        }

        details["kind"] = resource;
        return Failure($"{resource}{(group is null ? "" : "." + group)} \"{name}\" not found", "NotFound", 404, details);
    }

    public static IResult NoRoute() => Failure("the server could not find the requested resource", "NotFound", 404, new JsonObject());

    public static IResult BadRequest(string message) => Failure(message, "BadRequest", 400);

    public static IResult Unauthorized() => Failure("Unauthorized", "Unauthorized", 401);

    public static IResult Invalid(string message) => Failure(message, "Invalid", 422);

    public static IResult UnsupportedMediaType(string contentType) => Failure(
        $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, "
        + $"application/merge-patch+json, application/strategic-merge-patch+json (got {contentType})", "UnsupportedMediaType", 415);

    public static IResult MethodNotAllowed(string message) => Failure(message, "MethodNotAllowed", 405);

    public static Task WriteFaultAsync(HttpContext context, FaultKind fault, FaultKnobs knobs)
    {
        if (fault == FaultKind.ServerError)
        {
            return Failure("Internal error occurred: sandbox injected failure", "InternalError", 500).ExecuteAsync(context);
        }

        var seconds = (int)Math.Ceiling(knobs.RetryAfter.TotalSeconds);
        context.Response.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        return Failure("Too many requests, please try again later.", "TooManyRequests", 429,
            new JsonObject { ["retryAfterSeconds"] = seconds }).ExecuteAsync(context);
    }

    private static IResult Failure(string message, string reason, int code, JsonObject? details = null)
    {
        var body = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            body["details"] = details;
        }

        body["code"] = code;
        return Reply.Json(body, code);
    }
}
