using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatOps.Sandbox.Slack;

public sealed partial class SlackEmulator
{
    private delegate JsonObject ApiMethod(JsonObject args);

    private void MapWebApi(WebApplication app)
    {
        var methods = new Dictionary<string, ApiMethod>(StringComparer.Ordinal)
        {
            ["auth.test"] = AuthTest,
            ["chat.postMessage"] = PostMessage,
            ["chat.update"] = UpdateMessage,
            ["chat.postEphemeral"] = PostEphemeral,
            ["users.info"] = UsersInfo,
            ["conversations.replies"] = Replies,
            ["reactions.add"] = AddReaction,
            ["files.getUploadURLExternal"] = GetUploadUrl,
            ["files.completeUploadExternal"] = CompleteUpload,
        };
        app.MapMethods("/api/{method}", ["GET", "POST"], async (HttpContext context, string method) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var (args, contentType, formToken) = await ReadArgsAsync(context.Request).ConfigureAwait(false);
            var channel = args?["channel"] is JsonValue c && c.TryGetValue<string>(out var ch) ? ch : null;
            JsonObject body;
            var status = 200;
            if (args is null)
            {
                body = Fail("invalid_json");
            }
            else if (method == "apps.connections.open" && Knobs.Check(method, null, DateTimeOffset.UtcNow) is { } openRetryAfter)
            {
                // why: apps.connections.open is rate-limited like any Web API method (Tier 1); tests use it to keep a bot offline
                status = 429;
                body = Fail("ratelimited");
                context.Response.Headers.RetryAfter = openRetryAfter.ToString(CultureInfo.InvariantCulture);
            }
            else if (method == "apps.connections.open")
            {
                body = OpenConnection(Bearer(context.Request));
            }
            else if (!methods.TryGetValue(method, out var handler))
            {
                body = Fail("unknown_method");
            }
            else if ((Bearer(context.Request) ?? (contentType == "form" ? formToken : null)) is not { } token)
            {
                body = Fail("not_authed");
            }
            else if (!Hosting.Secrets.Match(token, Options.BotToken))
            {
                body = Fail("invalid_auth");
            }
            else if (Knobs.Check(method, channel, DateTimeOffset.UtcNow) is { } retryAfter)
            {
                status = 429;
                body = Fail("ratelimited");
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            }
            else if (Knobs.TakeFailure(method) is { } error)
            {
                body = Fail(error);
            }
            else
            {
                body = handler(args);
            }

            Record(new SlackApiCall(method, args ?? [], status, body, arrived, context.Request.ContentType));
            return Hosting.Reply.Json(body, status);
        });
    }

    private void Record(SlackApiCall call)
    {
        lock (_gate) _calls.Add(call);
        Changed();
    }

    private static async Task<(JsonObject? Args, string Kind, string? FormToken)> ReadArgsAsync(HttpRequest request)
    {
        var args = new JsonObject();
        foreach (var (name, value) in request.Query) args[name] = value.ToString();
        if (HttpMethods.IsGet(request.Method)) return (args, "query", null);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            foreach (var (name, value) in form) args[name] = value.ToString();
            if (args["blocks"] is JsonValue raw && raw.TryGetValue<string>(out var text))
            {
                args["blocks"] = TryParse(text) ?? (JsonNode)text;
            }

            var token = args["token"]?.GetValue<string>();
            args.Remove("token");
            return (args, "form", token);
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (json.Length == 0) return (args, "empty", null);
        if (TryParse(json) is not JsonObject body) return (null, "json", null);
        foreach (var (name, value) in body) args[name] = value?.DeepClone();
        return (args, "json", null);
    }

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }

    private static JsonObject Fail(string error) => new() { ["ok"] = false, ["error"] = error };

    private static string? Str(JsonObject args, string name) =>
        args[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private JsonObject AuthTest(JsonObject args) => new()
    {
        ["ok"] = true,
        ["url"] = "https://sandbox.slack.com/",
        ["team"] = "Sandbox",
        ["user"] = "chatops",
        ["team_id"] = Options.TeamId,
        ["user_id"] = Options.BotUserId,
        ["bot_id"] = Options.BotId,
    };

    private JsonObject UsersInfo(JsonObject args)
    {
        var id = Str(args, "user");
        var person = Options.People.Append(new SlackPerson(Options.BotUserId, "chatops", "ChatOps", null, IsBot: true)).FirstOrDefault(p => p.Id == id);
        if (person is null) return Fail("user_not_found");
        var profile = new JsonObject { ["display_name"] = person.Name, ["real_name"] = person.RealName };
        if (Options.EmailScope && person.Email is not null) profile["email"] = person.Email;
        return new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = person.Id, ["team_id"] = Options.TeamId, ["name"] = person.Name, ["deleted"] = false, ["real_name"] = person.RealName,
                ["is_bot"] = person.IsBot, ["is_admin"] = false, ["is_restricted"] = false, ["profile"] = profile,
            },
        };
    }
}
