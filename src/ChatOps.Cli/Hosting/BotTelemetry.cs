using ChatOps.Core.Chat;
using ChatOps.Core.Parsing;
using ChatOps.Core.Telemetry;
using ChatOps.Dialog;
using ChatOps.Language;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatOps.Cli.Hosting;

/// <summary>Prometheus metrics at <c>/metrics</c> (the ChatOps meter, HTTP server and client), optional OTLP tracing, and the observing decorators.</summary>
public static class BotTelemetry
{
    /// <summary>Registers the exporters and wraps the parser and the turn handler; tracing only when <c>Telemetry:OtlpEndpoint</c> is set.</summary>
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(BotMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Net.Http").AddPrometheusExporter());
        if (configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            telemetry.WithTracing(t => t.AddSource("Microsoft.AspNetCore", "System.Net.Http").AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        }

        services.Replace(ServiceDescriptor.Singleton<IMessageParser>(sp => new MeteredMessageParser(sp.GetRequiredService<MessageParser>())));
        services.Replace(ServiceDescriptor.Singleton<ITurnHandler>(sp =>
            new ObservedTurnHandler(sp.GetRequiredService<TurnHandler>(), sp.GetRequiredService<ILogger<ObservedTurnHandler>>())));
        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> in the Prometheus text format.</summary>
    public static IEndpointRouteBuilder MapBotMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
