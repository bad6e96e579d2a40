using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Hosting;

/// <summary>Writes JSON nodes and plain text exactly as built, with a status code.</summary>
internal static class Reply
{
    public static IResult Json(JsonNode? body, int status = StatusCodes.Status200OK) =>
        Results.Text(body?.ToJsonString() ?? "null", "application/json", Encoding.UTF8, status);

    public static IResult Text(string body, int status = StatusCodes.Status200OK) =>
        Results.Text(body, "text/plain", Encoding.UTF8, status);

    public static IResult Empty(int status) => Results.StatusCode(status);
}
