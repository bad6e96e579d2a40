using Microsoft.Extensions.Hosting;

namespace ChatOps.Executors.Tracking;

/// <summary>Runs <see cref="RunPoller.RunAsync"/> for the life of the host: resume the runs in flight, then poll quiet runs on a timer.</summary>
public sealed class RunPollerService(RunPoller poller) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => poller.RunAsync(stoppingToken);
}
