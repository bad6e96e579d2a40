using System.Threading.Channels;
using ChatOps.Core.Storage;
using ChatOps.Executors.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Zadig;

/// <summary>The Zadig endpoints: a per-run URL for the product-workflow callback and workflow webhook (zadig.md §6.2, §7.1),
/// and one shared URL for workflow webhooks that carry the configured X-Zadig-Token.</summary>
public static class ZadigHooks
{
    /// <summary>The shared webhook address; per-run addresses are <c>/hooks/zadig/{token}</c>.</summary>
    public const string Path = "/hooks/zadig";

    /// <summary>Maps <c>POST /hooks/zadig/{token}</c> (404 unless the token is the named run's callback token) and <c>POST /hooks/zadig</c>
    /// (401 unless X-Zadig-Token matches Tracking:ZadigHookSecret); both answer 413 over the size limit and otherwise 200 at once.</summary>
    public static IEndpointConventionBuilder MapZadigHooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<TrackingOptions>>().Value;
        var queue = services.GetRequiredService<Channel<RunUpdate>>().Writer;
        var store = services.GetRequiredService<IRunStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var log = services.GetRequiredService<ILogger<RunTracker>>();
        var group = endpoints.MapGroup(Path);
        group.MapPost("/{token}", async context =>
        {
            var (update, status) = await ReadAsync(context, options, time).ConfigureAwait(false);
            if (status == StatusCodes.Status200OK && (update is null || !await IsRunTokenAsync(store, update, context).ConfigureAwait(false)))
            {
                // why: 404 whether the run is unknown or the token wrong, so a caller learns nothing about which runs exist
                TrackingLog.HookRefused(log, "Zadig", context.Connection.RemoteIpAddress?.ToString(), "not the callback URL of a tracked run");
                (update, status) = (null, StatusCodes.Status404NotFound);
            }

            await AnswerAsync(context, queue, update, status).ConfigureAwait(false);
        });
        group.MapPost("", async context =>
        {
            if (!HookRequest.SecretMatches(context.Request.Headers["X-Zadig-Token"], options.ZadigHookSecret))
            {
                TrackingLog.HookRefused(log, "Zadig", context.Connection.RemoteIpAddress?.ToString(), "wrong or missing X-Zadig-Token");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var (update, status) = await ReadAsync(context, options, time).ConfigureAwait(false);
            await AnswerAsync(context, queue, update, status).ConfigureAwait(false);
        });
        return group;
    }

    private static async Task<(RunUpdate? Update, int Status)> ReadAsync(HttpContext context, TrackingOptions options, TimeProvider time)
    {
        var (json, status) = await HookRequest.ReadJsonAsync(context.Request, options.MaxHookBodyBytes, context.RequestAborted).ConfigureAwait(false);
        using (json)
        {
            var dedupe = context.Request.Headers["X-Zadig-Event-UUID"].FirstOrDefault();
            return (json is null ? null : ZadigHookParser.Parse(json.RootElement, dedupe, time.GetUtcNow()), status);
        }
    }

    private static async Task<bool> IsRunTokenAsync(IRunStore store, RunUpdate update, HttpContext context)
    {
        var run = await store.FindByBackendAsync(update.Backend, update.BackendRunId, context.RequestAborted).ConfigureAwait(false);
        return run?.CallbackToken is { } expected && HookRequest.SecretMatches(context.Request.RouteValues["token"] as string, expected);
    }

    private static async Task AnswerAsync(HttpContext context, ChannelWriter<RunUpdate> queue, RunUpdate? update, int status)
    {
        if (update is not null)
        {
            await queue.WriteAsync(update, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = status;
    }
}
