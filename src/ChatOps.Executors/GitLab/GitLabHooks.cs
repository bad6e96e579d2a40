using System.Threading.Channels;
using ChatOps.Executors.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.GitLab;

/// <summary>The GitLab webhook endpoint (gitlab.md §6): checks X-Gitlab-Token, queues Pipeline and Job Hook updates, and answers at once.</summary>
public static class GitLabHooks
{
    /// <summary>Where GitLab's project webhook should point, relative to the bot's public address.</summary>
    public const string Path = "/hooks/gitlab";

    /// <summary>Maps <c>POST /hooks/gitlab</c>: 401 for a wrong or missing token, 413 over the size limit, 400 for a body that is not JSON,
    /// else 200 (also for events it ignores, so GitLab never disables the hook) with the work done after the answer.</summary>
    public static IEndpointConventionBuilder MapGitLabHooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<TrackingOptions>>().Value;
        var queue = services.GetRequiredService<Channel<RunUpdate>>().Writer;
        var time = services.GetRequiredService<TimeProvider>();
        var log = services.GetRequiredService<ILogger<RunTracker>>();
        return endpoints.MapPost(Path, async context =>
        {
            var request = context.Request;
            if (!HookRequest.SecretMatches(request.Headers["X-Gitlab-Token"], options.GitLabHookSecret))
            {
                TrackingLog.HookRefused(log, "GitLab", context.Connection.RemoteIpAddress?.ToString(), "wrong or missing X-Gitlab-Token");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var (json, status) = await HookRequest.ReadJsonAsync(request, options.MaxHookBodyBytes, context.RequestAborted).ConfigureAwait(false);
            using (json)
            {
                var dedupe = request.Headers["Idempotency-Key"].FirstOrDefault() ?? request.Headers["X-Gitlab-Event-UUID"].FirstOrDefault();
                if (json is not null && GitLabHookParser.Parse(json.RootElement, dedupe, time.GetUtcNow()) is { } update)
                {
                    await queue.WriteAsync(update, context.RequestAborted).ConfigureAwait(false);
                }
            }

            context.Response.StatusCode = status;
        });
    }
}
