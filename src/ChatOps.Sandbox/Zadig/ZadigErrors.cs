using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Zadig;

/// <summary>The error bodies of contract §2: business errors (HTTP 400 keeping the 6xxx code) and plain 500s.</summary>
internal static class ZadigErrors
{
    public static IResult CreateTaskFailed(string description) => Business(6160, "创建工作流任务失败", description);

    public static IResult CancelFailed(string description) => Business(6163, "取消工作流任务失败", description);

    public static IResult ApproveFailed(string description) => Business(6169, "审批失败", description);

    public static IResult FindWorkflowFailed() => Business(6542, "查询workflow失败", "mongo: no documents in result");

    public static IResult BadRequest(string description) => Business(400, "Bad Request", description);

    public static IResult Business(int code, string message, string description) => Reply.Json(new JsonObject
    {
        ["type"] = "error",
        ["code"] = code,
        ["message"] = message,
        ["description"] = description,
        ["extra"] = new JsonObject(),
    }, StatusCodes.Status400BadRequest);

    /// <summary>Any other error: HTTP 500 with only message/code/description; the message really ends with ": ".</summary>
    public static IResult Plain(string description) => Reply.Json(new JsonObject
    {
        ["message"] = "Internal Error: ",
        ["code"] = 500,
        ["description"] = description,
    }, StatusCodes.Status500InternalServerError);

    public static IResult NoDocuments() => Plain("mongo: no documents in result");

    public static Task WriteFaultAsync(HttpContext context, FaultKind fault, FaultKnobs knobs)
    {
        if (fault == FaultKind.ServerError)
        {
            return Plain("sandbox: injected server error").ExecuteAsync(context);
        }

        context.Response.Headers["Retry-After"] = ((int)Math.Ceiling(knobs.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Reply.Empty(StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }
}
