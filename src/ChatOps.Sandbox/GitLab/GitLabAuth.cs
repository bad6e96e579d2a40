using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.GitLab;

/// <summary>Contract §1: PRIVATE-TOKEN or Bearer on every route but the trigger ones; read_api tokens may not write.</summary>
internal static class GitLabAuth
{
    public static void UseGitLabAuth(this WebApplication app, SandboxTokens tokens)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (!path.StartsWith("/api/v4/", StringComparison.Ordinal) || path.EndsWith("/trigger/pipeline", StringComparison.Ordinal))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var token = Presented(context.Request);
            var write = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
            if (Secrets.Match(token, tokens.GitLabToken) || (Secrets.Match(token, tokens.GitLabReadOnlyToken) && !write))
            {
                await next(context).ConfigureAwait(false);
            }
            else if (Secrets.Match(token, tokens.GitLabReadOnlyToken))
            {
                await GitLabErrors.InsufficientScope().ExecuteAsync(context).ConfigureAwait(false);
            }
            else
            {
                await GitLabErrors.Unauthorized().ExecuteAsync(context).ConfigureAwait(false);
            }
        });
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("PRIVATE-TOKEN", out var privateToken))
        {
            return privateToken.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
