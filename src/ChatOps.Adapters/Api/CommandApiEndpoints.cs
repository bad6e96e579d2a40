using System.Text.RegularExpressions;
using ChatOps.Core.Audit;
using ChatOps.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Api;

/// <summary>
/// The command API (docs/policy.md): <c>POST {prefix}/commands</c>, <c>GET {prefix}/runs/{id}</c>, <c>GET {prefix}/audit</c>. Every call needs a
/// configured bearer token; commands go through the same ITurnHandler, policy and audit trail as chat.
/// </summary>
public static partial class CommandApiEndpoints
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SafeId();

    /// <summary>The workspace of every API conversation; its runs are read back with <c>GET /api/runs/{id}</c>, not posted to a chat.</summary>
    public const string Workspace = "api";

    /// <summary>Maps the command API under <paramref name="prefix"/>; needs <see cref="ServiceCollectionExtensions.AddCommandApi"/>.</summary>

    public static RouteGroupBuilder MapCommandApi(this IEndpointRouteBuilder endpoints, string prefix = "/api")
    {
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/commands", (HttpRequest request) => PostCommandAsync(request.HttpContext));
        group.MapGet("/runs/{id}", (HttpContext context, string id) => GetRunAsync(context, id));
        group.MapGet("/audit", (HttpRequest request) => GetAuditAsync(request.HttpContext));
        group.MapGet("/audit/verify", (HttpRequest request) => VerifyAuditAsync(request.HttpContext));
        return group;
    }

    /// <summary>The caller's token, or a 401 that is also written to the audit trail (never with the presented token).</summary>
    private static async Task<(ApiToken? Token, IResult? Refusal)> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = context.RequestServices.GetRequiredService<ApiAuthenticator>().Authenticate(header);
        if (token is not null) return (token, null);
        var why = header.Length == 0 ? "no bearer token" : "unknown bearer token";
        await AuditRefusalAsync(context, "anonymous", "bearer token", why);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return (null, Results.Json(new ApiError($"{why}: send Authorization: Bearer <token> with a token from Api:Tokens"), statusCode: StatusCodes.Status401Unauthorized));
    }

    private static async Task AuditRefusalAsync(HttpContext context, string actor, string rule, string detail)
    {
        if (context.RequestServices.GetService<IAuditLog>() is not { } audit) return;
        await audit.AppendAsync(new AuditEvent(AuditKinds.Refusal, actor, $"api {context.Request.Method} {context.Request.Path}", Outcome: "refused", Rule: rule, Detail: detail),
            context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> GetRunAsync(HttpContext context, string id)
    {
        var (token, refusal) = await AuthenticateAsync(context).ConfigureAwait(false);
        if (token is null) return refusal!;
        if (!SafeId().IsMatch(id)) return Results.Json(new ApiError("a run id is letters, digits, '-' and '_' only"), statusCode: StatusCodes.Status400BadRequest);
        var runs = context.RequestServices.GetRequiredService<IRunStore>();
        return await runs.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is { } run
            ? Results.Json(RunView.Of(run))
            : Results.Json(new ApiError($"no run {id}"), statusCode: StatusCodes.Status404NotFound);
    }

    private static int MaxBody(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
}
