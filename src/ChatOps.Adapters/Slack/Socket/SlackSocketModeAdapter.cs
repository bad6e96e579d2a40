using ChatOps.Adapters.Slack.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Socket;

/// <summary>
/// Socket Mode (contract §1): keeps <see cref="SlackOptions.Connections"/> WebSockets open, each from a fresh apps.connections.open URL;
/// acknowledges every envelope the moment it arrives and hands its payload to the <see cref="SlackInbox"/>; reconnects on
/// <c>disconnect</c> or a dropped socket with a new URL and jittered backoff. Does nothing unless <see cref="SlackOptions.Mode"/> is Socket.
/// </summary>
public sealed partial class SlackSocketModeAdapter(
    SlackOutbox outbox, SlackInbox inbox, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackSocketModeAdapter> log) : IHostedService, IAsyncDisposable
{
    private readonly SlackOptions _options = options.Value;
    private CancellationTokenSource? _stopping;
    private Task[] _loops = [];
    private int _open;
    private int _greetings;
    private int _acks;
    private int _disposed;

    /// <summary>Connections that have said hello and are still open.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>Hellos received since start (the first connects plus every reconnect).</summary>
    public int Greetings => Volatile.Read(ref _greetings);

    /// <summary>Envelopes acknowledged since start.</summary>
    public int Acknowledged => Volatile.Read(ref _acks);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Mode != SlackMode.Socket || _stopping is not null) return Task.CompletedTask;
        _stopping = new CancellationTokenSource();
        var stop = _stopping.Token;
        _loops = [.. Enumerable.Range(0, Math.Clamp(_options.Connections, 1, 10)).Select(i => Task.Run(() => RunAsync(i, stop), CancellationToken.None))];
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || Volatile.Read(ref _disposed) != 0) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // why: the container disposes it twice (as itself and as a hosted service)
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping?.Dispose();
    }

    private async Task RunAsync(int index, CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                var (greeted, reason) = await ConnectOnceAsync(index, stop).ConfigureAwait(false);
                failures = greeted ? 0 : failures + 1;
                delay = reason switch
                {
                    "link_disabled" => _options.MaxReconnectDelay,
                    not null when greeted => TimeSpan.Zero, // a routine recycle: open the next one at once, as the SDKs do
                    _ => Backoff(Math.Max(1, failures)),
                };
                if (reason == "link_disabled") SlackLog.LinkDisabled(log, index, delay);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                delay = Backoff(failures);
                SlackLog.ConnectionFailed(log, ex, index, failures, delay);
            }

            try
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(_options.MaxReconnectDelay.TotalMilliseconds, _options.ReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16)));
#pragma warning disable CA5394 // why: jitter spreads reconnects; it protects nothing
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
#pragma warning restore CA5394
    }
}
