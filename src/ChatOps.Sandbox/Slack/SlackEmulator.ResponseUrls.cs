using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Slack;

public sealed partial class SlackEmulator
{
    private const int ResponseUrlUses = 5;
    private readonly Dictionary<string, (string Channel, string? MessageTs, string? User, int Uses)> _responseUrls = new(StringComparer.Ordinal);
    private readonly List<(string Path, JsonObject Body)> _responsePosts = [];
    private int _responseSeq;

    /// <summary>Bodies POSTed to response_url addresses, in order.</summary>
    public IReadOnlyList<(string Path, JsonObject Body)> ResponseUrlPosts
    {
        get
        {
            lock (_gate) return [.. _responsePosts];
        }
    }

    /// <summary>A new response_url for an interaction on <paramref name="messageTs"/> (or a command in <paramref name="channel"/>), §4.3.</summary>
    private string NewResponseUrl(string kind, string channel, string? messageTs, string user)
    {
        var path = $"/{kind}/{Options.TeamId}/{Interlocked.Increment(ref _responseSeq)}/{Guid.NewGuid():N}";
        lock (_gate) _responseUrls[path] = (channel, messageTs, user, 0);
        return new Uri(BaseAddress, path.TrimStart('/')).ToString();
    }

    private void MapResponseUrls(WebApplication app)
    {
        app.MapPost("/actions/{**rest}", (HttpRequest request) => OnResponseUrlAsync(request.HttpContext));
        app.MapPost("/commands/{**rest}", (HttpRequest request) => OnResponseUrlAsync(request.HttpContext));
    }

    /// <summary>§4.3 / §9.6: up to five uses; replace_original, delete_original, response_type and thread_ts applied; answers <c>ok</c>.</summary>
    private async Task<IResult> OnResponseUrlAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        using var reader = new StreamReader(context.Request.Body);
        if (TryParse(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false)) is not JsonObject body) return Hosting.Reply.Text("invalid_payload", 400);
        (string Channel, string? MessageTs, string? User, int Uses) target;
        lock (_gate)
        {
            // why: what Slack answers past five uses is not documented; 404 "used_url" is the emulator's choice
            if (!_responseUrls.TryGetValue(path, out target) || target.Uses >= ResponseUrlUses) return Hosting.Reply.Text("used_url", 404);
            _responseUrls[path] = target with { Uses = target.Uses + 1 };
            _responsePosts.Add((path, body));
        }

        var original = target.MessageTs is { } ts ? Find(target.Channel, ts) : null;
        if (Flag(body, "delete_original") && original is not null) original.Deleted = true;
        if (Flag(body, "replace_original") && original is not null)
        {
            lock (_gate)
            {
                original.Text = Str(body, "text") ?? original.Text;
                if (body["blocks"] is JsonArray blocks) original.Blocks = blocks.DeepClone().AsArray();
                original.Edits++;
            }
        }
        else if (Str(body, "response_type") == "in_channel")
        {
            Store(target.Channel, Str(body, "thread_ts"), Options.BotUserId, Options.BotId, Str(body, "text") ?? "", body["blocks"]?.DeepClone() as JsonArray);
        }
        else if (!Flag(body, "delete_original"))
        {
            var args = body.DeepClone().AsObject();
            args["channel"] = target.Channel;
            args["user"] = target.User;
            lock (_gate) _ephemerals.Add(new SlackApiCall("response_url", args, 200, [], 0, null));
        }

        Changed();
        return Hosting.Reply.Text("ok");
    }

    // why: the docs show "true" as a string, the SDKs send JSON booleans; accept both (§4.3)
    private static bool Flag(JsonObject body, string name) => body[name] is JsonValue v &&
        ((v.TryGetValue<bool>(out var b) && b) || (v.TryGetValue<string>(out var s) && s == "true"));
}
