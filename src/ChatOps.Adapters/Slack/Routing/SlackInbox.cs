using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Routing;

/// <summary>
/// Where both transports hand deliveries before acknowledging them: workers take them off in the background, one channel always
/// on the same worker so its messages are answered in order. With an <see cref="IInboxStore"/> each one is kept until handled.
/// </summary>
public sealed class SlackInbox : IHostedService, IAsyncDisposable
{
    private const int MaxHandOvers = 3;
    private readonly SlackEventRouter _router;
    private readonly ILogger<SlackInbox> _log;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly IInboxStore? _store;
    private readonly Channel<SlackInbound>[] _queues;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _stopRecovery = new();
    private readonly object _gate = new();
    private Task[]? _workers;
    private Task? _recovery;
    private int _disposed;

    /// <summary>Creates the inbox with <see cref="SlackOptions.Workers"/> workers over the router; with a <paramref name="store"/>, every
    /// delivery is kept there from its acceptance until it was handled, and ones a stopped process left are handed over (see <see cref="AcceptAsync"/>).</summary>
    public SlackInbox(SlackEventRouter router, IOptions<SlackOptions> options, ILogger<SlackInbox> log, TimeProvider? time = null, IInboxStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _router = router;
        _log = log;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _store = store;
        _queues = [.. Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => Channel.CreateUnbounded<SlackInbound>(new UnboundedChannelOptions { SingleReader = true }))];
    }

    /// <summary>Keeps a delivery in the store, then queues it; the transport acknowledges it to Slack only after this, so a process killed at any
    /// point either never acknowledged it (Slack sends events again) or left it in the store for another process.</summary>
    /// <remarks>Slash commands are not kept: their thread is made by posting an echo, so a second handling would be a second request.</remarks>
    public async Task AcceptAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var id = inbound.Id ?? Guid.NewGuid().ToString("N");
        var kept = _store is not null && inbound.Kind != SlackInboundKind.SlashCommand && await TryKeepAsync(_store, id, inbound, cancellationToken).ConfigureAwait(false);
        Post(inbound with { Id = kept ? id : null });
    }

    private async Task<bool> TryKeepAsync(IInboxStore store, string id, SlackInbound inbound, CancellationToken cancellationToken)
    {
        try
        {
            await store.AddAsync(id, inbound.Kind.ToString(), inbound.Payload.ToJsonString(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SlackLog.InboxKeepFailed(_log, ex, id);
            return false;
        }
    }

    /// <summary>Queues a delivery; never blocks, so the transport can acknowledge at once.</summary>
    public void Post(SlackInbound inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        EnsureStarted();
        var queue = _queues[(int)((uint)StringComparer.Ordinal.GetHashCode(inbound.Channel) % (uint)_queues.Length)];
        queue.Writer.TryWrite(inbound);
    }

    /// <summary>Hands this process the deliveries accepted <see cref="SlackOptions.InboxRedeliverAfter"/> ago or more and never handled;
    /// returns how many. Each is given up after three hand-overs.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        if (_store is null) return 0;
        var stale = await _store.TakeStaleAsync(_time.GetUtcNow() - _options.InboxRedeliverAfter, 100, cancellationToken).ConfigureAwait(false);
        var handed = 0;
        foreach (var item in stale)
        {
            if (item.Attempts > MaxHandOvers || !Enum.TryParse<SlackInboundKind>(item.Kind, out var kind) || JsonNode.Parse(item.Payload) is not JsonObject payload)
            {
                SlackLog.InboxGaveUp(_log, item.Id, item.Attempts);
                await _store.DoneAsync(item.Id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Post(new SlackInbound(kind, payload, _time.GetTimestamp(), item.Id, Redelivered: item.ReceivedAt));
            handed++;
        }

        if (handed > 0) SlackLog.InboxRedelivering(_log, handed);
        return handed;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        if (_store is not null) _recovery ??= Task.Run(() => RecoverLoopAsync(_stopRecovery.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // why: nothing is taken over once the queues close; what this process has not begun stays in the store for another one
        await _stopRecovery.CancelAsync().ConfigureAwait(false);
        if (_recovery is { } recovery) await recovery.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var queue in _queues) queue.Writer.TryComplete();
        if (_workers is { } workers) await Task.WhenAll(workers).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // why: the container disposes it twice (as itself and as a hosted service)
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stopRecovery.CancelAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var queue in _queues) queue.Writer.TryComplete();
        if (_workers is { } workers) await Task.WhenAll(workers).ConfigureAwait(false);
        if (_recovery is { } recovery) await recovery.ConfigureAwait(false);
        _stopping.Dispose();
        _stopRecovery.Dispose();
    }

    private async Task RecoverLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.InboxRecoveryInterval, _time);
        try
        {
            do
            {
                try
                {
                    await RecoverAsync(stop).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    SlackLog.InboxRecoveryFailed(_log, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
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

                // why: handled (or failed with an answer): only a delivery cut off by this process stopping stays for another one
                if (_store is not null && inbound.Id is { } id && !_stopping.IsCancellationRequested) await DoneQuietlyAsync(id).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task DoneQuietlyAsync(string id)
    {
        try
        {
            await _store!.DoneAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // why: it was handled; a later hand-over is dropped by the conversation's record of what it handled
            SlackLog.InboxDoneFailed(_log, ex, id);
        }
    }
}
