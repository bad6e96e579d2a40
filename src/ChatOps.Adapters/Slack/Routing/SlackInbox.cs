using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Routing;

/// <summary>
/// Where both transports hand deliveries after acknowledging them: workers take them off in the background, one channel always
/// on the same worker so its messages are answered in order.
/// </summary>
public sealed class SlackInbox : IHostedService, IAsyncDisposable
{
    private readonly SlackEventRouter _router;
    private readonly ILogger<SlackInbox> _log;
    private readonly Channel<SlackInbound>[] _queues;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private Task[]? _workers;
    private int _disposed;

    /// <summary>Creates the inbox with <see cref="SlackOptions.Workers"/> workers over the router.</summary>
    public SlackInbox(SlackEventRouter router, IOptions<SlackOptions> options, ILogger<SlackInbox> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _router = router;
        _log = log;
        _queues = [.. Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => Channel.CreateUnbounded<SlackInbound>(new UnboundedChannelOptions { SingleReader = true }))];
    }

    /// <summary>Queues a delivery; never blocks, so the transport can acknowledge at once.</summary>
    public void Post(SlackInbound inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        EnsureStarted();
        var queue = _queues[(int)((uint)StringComparer.Ordinal.GetHashCode(inbound.Channel) % (uint)_queues.Length)];
        queue.Writer.TryWrite(inbound);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in _queues) queue.Writer.TryComplete();
        if (_workers is { } workers) await Task.WhenAll(workers).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // why: the container disposes it twice (as itself and as a hosted service)
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var queue in _queues) queue.Writer.TryComplete();
        if (_workers is { } workers) await Task.WhenAll(workers).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void EnsureStarted()
    {
        lock (_gate)
        {
            _workers ??= [.. _queues.Select(q => Task.Run(() => WorkAsync(q.Reader)))];
        }
    }

    private async Task WorkAsync(ChannelReader<SlackInbound> reader)
    {
        try
        {
            await foreach (var inbound in reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await _router.RouteAsync(inbound, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    SlackLog.HandlingFailed(_log, ex, inbound.Kind.ToString());
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }
}
