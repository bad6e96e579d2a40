using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

/// <summary>One Web API call the emulator answered, with the arguments it read (JSON, form or query) and what it replied.</summary>
/// <param name="Method">The method, e.g. <c>chat.postMessage</c>.</param>
/// <param name="Args">The arguments as JSON (a form's <c>blocks</c> string parsed into an array).</param>
/// <param name="Status">The HTTP status sent (200 even for <c>ok:false</c>; 429 when rate limited).</param>
/// <param name="Response">The JSON body sent.</param>
/// <param name="Timestamp">When it arrived, a <see cref="System.Diagnostics.Stopwatch"/> timestamp (for latency figures).</param>
/// <param name="ContentType">The request's content type.</param>
public sealed record SlackApiCall(string Method, JsonObject Args, int Status, JsonObject Response, long Timestamp, string? ContentType)
{
    /// <summary>True when Slack would have answered <c>ok:true</c>.</summary>
    public bool Ok => Response["ok"]?.GetValue<bool>() == true;

    /// <summary>A string argument, or null.</summary>
    public string? Arg(string name) => Args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The <c>error</c> code of an <c>ok:false</c> answer.</summary>
    public string? Error => Response["error"]?.GetValue<string>();
}
