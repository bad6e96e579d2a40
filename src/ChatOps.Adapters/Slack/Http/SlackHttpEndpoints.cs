using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Routing;
using ChatOps.Core.Audit;
using ChatOps.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Http;

/// <summary>
/// HTTP mode (contract §2–§5): <c>POST {prefix}/events</c>, <c>/interactivity</c> and <c>/commands</c>, each signature-checked over the raw
/// body (401 otherwise), acknowledged at once, the work handed to the <see cref="SlackInbox"/>.
/// </summary>
public static class SlackHttpEndpoints
{
    private const int MaxBody = 1024 * 1024;

    /// <summary>Maps the three Slack endpoints under <paramref name="prefix"/> (the Request URLs of deploy/slack/manifest.yaml).</summary>
    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder endpoints, string prefix = "/slack")
    {
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/events", (HttpRequest request) => HandleAsync(request.HttpContext, OnEvent));
        group.MapPost("/interactivity", (HttpRequest request) => HandleAsync(request.HttpContext, OnInteraction));
        group.MapPost("/commands", (HttpRequest request) => HandleAsync(request.HttpContext, OnCommand));
        return group;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, Func<byte[], SlackInbox, TimeProvider, CancellationToken, Task<IResult>> handle)
    {
        var services = context.RequestServices;
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var check = services.GetRequiredService<SlackSignature>().Verify(
            context.Request.Headers["X-Slack-Request-Timestamp"], context.Request.Headers["X-Slack-Signature"], body);
        if (check != SignatureCheck.Valid)
        {
            SlackLog.Refused(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackHttpEndpoints)), context.Request.Path, check.ToString());
            // why: a forged or replayed (stale) request never reaches the dialog, so the refusal is put on the audit trail here
            if (services.GetService<IAuditLog>() is { } audit)
            {
                await audit.AppendAsync(new AuditEvent(AuditKinds.Refusal, "anonymous", $"slack {context.Request.Path}", Outcome: "refused", Rule: "slack signature", Detail: check.ToString()),
                    context.RequestAborted).ConfigureAwait(false);
            }

            return Results.Unauthorized();
        }

        try
        {
            return await handle(body, services.GetRequiredService<SlackInbox>(), services.GetRequiredService<TimeProvider>(), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return Results.BadRequest();
        }
    }

    /// <summary>§2.1 url_verification answers the challenge; §2.2 event_callback is queued and answered 200 at once.</summary>
    private static async Task<IResult> OnEvent(byte[] body, SlackInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (JsonNode.Parse(body) is not JsonObject payload) return Results.BadRequest();
        switch (payload["type"]?.GetValue<string>())
        {
            case "url_verification":
                return Results.Text(payload["challenge"]?.GetValue<string>() ?? "", "text/plain", Encoding.UTF8);
            case "event_callback":
                await inbox.AcceptAsync(new SlackInbound(SlackInboundKind.Event, payload, time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    /// <summary>§4.1: one form field <c>payload</c> holding the JSON.</summary>
    private static async Task<IResult> OnInteraction(byte[] body, SlackInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var json) || JsonNode.Parse(json.ToString()) is not JsonObject payload) return Results.BadRequest();
        await inbox.AcceptAsync(new SlackInbound(SlackInboundKind.Interaction, payload, time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
        return Results.Ok();
    }

    /// <summary>§5: form fields; <c>ssl_check=1</c> only wants a 200; the ack text is shown to the sender only.</summary>
    private static async Task<IResult> OnCommand(byte[] body, SlackInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("ssl_check", out var ssl) && ssl == "1") return Results.Ok();
        var payload = new JsonObject();
        foreach (var (name, value) in form) payload[name] = value.ToString();
        await inbox.AcceptAsync(new SlackInbound(SlackInboundKind.SlashCommand, payload, time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
        return Results.Json(SlackEventRouter.CommandAck(payload));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBody) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBody) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
