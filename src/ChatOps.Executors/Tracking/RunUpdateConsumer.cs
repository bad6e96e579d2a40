using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Tracking;

/// <summary>Drains the hook queue after the hooks were answered: several readers call <see cref="RunTracker.ApplyAsync"/>, one run at a time each.</summary>
/// <remarks>Updates still queued at shutdown are lost; the poller finds their runs after the restart.</remarks>
public sealed class RunUpdateConsumer(Channel<RunUpdate> queue, RunTracker tracker, IOptions<TrackingOptions> options, ILogger<RunUpdateConsumer> log)
    : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Consumers)).Select(_ => Task.Run(() => ConsumeAsync(stoppingToken), stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await tracker.ApplyAsync(update, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                TrackingLog.ApplyFailed(log, ex, update.Backend, update.BackendRunId);
            }
        }
    }
}
