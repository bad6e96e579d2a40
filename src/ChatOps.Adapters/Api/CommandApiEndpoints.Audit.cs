using ChatOps.Core.Audit;
using ChatOps.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Api;

public static partial class CommandApiEndpoints
{
    /// <summary><c>GET /api/audit?user=&amp;service=&amp;env=&amp;intent=&amp;kind=&amp;request=&amp;since=&amp;limit=</c>: matching rows, newest first.</summary>
    private static async Task<IResult> GetAuditAsync(HttpContext context)
    {
        var (token, refusal) = await AuthenticateAsync(context).ConfigureAwait(false);
        if (token is null) return refusal!;
        if (context.RequestServices.GetService<IAuditLog>() is not { } audit) return Results.Json(new ApiError("no audit trail is kept here"), statusCode: StatusCodes.Status404NotFound);
        var q = context.Request.Query;
        string? Get(string name) => q[name].ToString() is { Length: > 0 } v ? v : null;
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var since = AuditSince.Parse(Get("since"), now);
        if (Get("since") is { } s && since is null) return BadRequest($"since '{s}' is not today, yesterday, 90m, 2h, 7d or an ISO date");
        var limit = 50;
        if (Get("limit") is { } l && (!int.TryParse(l, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
        {
            return BadRequest("limit is a number from 1 to 1000");
        }

        var filter = new AuditFilter
        {
            Actor = Get("user"), Service = Get("service"), Environment = Get("env"), Intent = Get("intent"), Kind = Get("kind"),
            RequestId = Get("request"), Since = since, Limit = limit,
        };
        return Results.Json(await audit.QueryAsync(filter, context.RequestAborted).ConfigureAwait(false), Json);
    }

    /// <summary><c>GET /api/audit/verify</c>: whether the hash chain is intact, and where it breaks.</summary>
    private static async Task<IResult> VerifyAuditAsync(HttpContext context)
    {
        var (token, refusal) = await AuthenticateAsync(context).ConfigureAwait(false);
        if (token is null) return refusal!;
        if (context.RequestServices.GetService<IAuditLog>() is not { } audit) return Results.Json(new ApiError("no audit trail is kept here"), statusCode: StatusCodes.Status404NotFound);
        return Results.Json(await audit.VerifyAsync(context.RequestAborted).ConfigureAwait(false), Json);
    }
}
