using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Zadig;

/// <summary>Contract §1: `?token=` wins, else the Authorization header split on one space into exactly two parts; failures are 401 with an empty body.</summary>
internal static class ZadigAuth
{
    public static void UseZadigAuth(this WebApplication app, SandboxTokens tokens)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var guarded = path.StartsWithSegments("/openapi") || path.StartsWithSegments("/api/directory") || path.StartsWithSegments("/public-api");
            if (!guarded || Secrets.Match(Presented(context.Request), tokens.ZadigToken))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        });
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Query.TryGetValue("token", out var token))
        {
            return token.ToString();
        }

        var parts = request.Headers.Authorization.ToString().Split(' ');
        return parts.Length == 2 ? parts[1] : null;
    }
}
