using System.Text.Json;
using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Slack.Socket;
using ChatOps.Core.Parsing;
using ChatOps.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatOps.Cli.Hosting;

/// <summary>Liveness (<c>/healthz</c>: the process answers) and readiness (<c>/readyz</c>: model loaded, store reachable, Slack connected).</summary>
public static class BotHealth
{
    private const string Ready = "ready";

    /// <summary>Registers the readiness checks.</summary>
    public static IServiceCollection AddBotHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("model", sp => new DelegateCheck(_ => Task.FromResult(
                sp.GetRequiredService<IMessageParser>() is not null ? HealthCheckResult.Healthy("intent model loaded") : HealthCheckResult.Unhealthy())), null, [Ready]))
            .Add(new HealthCheckRegistration("store", sp => new DelegateCheck(async ct =>
            {
                await sp.GetRequiredService<IRunStore>().ListRecentAsync(1, ct).ConfigureAwait(false);
                return HealthCheckResult.Healthy("run store answers");
            }), null, [Ready]))
            .Add(new HealthCheckRegistration("slack", sp => new DelegateCheck(_ => Task.FromResult(SlackState(sp))), null, [Ready]));
        return services;
    }

    /// <summary>Maps <c>GET /healthz</c> and <c>GET /readyz</c> (503 with the failing check named when not ready).</summary>
    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static HealthCheckResult SlackState(IServiceProvider services)
    {
        // why: options resolve whether or not Slack was added, so the adapter is what says a host has Slack (an API-only host is ready without it)
        if (services.GetService<SlackSocketModeAdapter>() is not { } socket) return HealthCheckResult.Healthy("no Slack configured");
        if (services.GetRequiredService<IOptions<SlackOptions>>().Value.Mode != SlackMode.Socket) return HealthCheckResult.Healthy("Slack HTTP mode: Slack calls us");
        var open = socket.OpenConnections;
        return open > 0 ? HealthCheckResult.Healthy($"{open} Socket Mode connection(s) open") : HealthCheckResult.Unhealthy("no Socket Mode connection is open");
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), detail = e.Value.Description ?? e.Value.Exception?.Message }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    private sealed class DelegateCheck(Func<CancellationToken, Task<HealthCheckResult>> check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => check(cancellationToken);
    }
}
