using System.Collections.Concurrent;
using ChatOps.Adapters.Slack.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack;

/// <summary>
/// The one queue every Web API call goes through (contract §6.1): calls into one channel leave in order at about one a second after a short
/// burst, a 429 pauses that method for its Retry-After everywhere, and failed transfers are retried; nothing is dropped.
/// </summary>
public sealed partial class SlackOutbox : IDisposable
{
    private readonly ISlackWebApi _api;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackOutbox> _log;
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _rateLimited;
    private int _sent;

    /// <summary>Creates the queue over the Web API client.</summary>
    public SlackOutbox(ISlackWebApi api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackOutbox> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    /// <summary>Calls answered 429 so far (each was waited out and sent again).</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>Calls answered ok so far.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Queues a call and completes with its answer once sent; <paramref name="channel"/> paces and orders it with that channel's other calls.</summary>
    /// <exception cref="SlackApiException">Slack answered <c>ok:false</c>.</exception>
    public async Task<T> SendAsync<T>(string method, string? channel, Func<ISlackWebApi, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        ArgumentNullException.ThrowIfNull(call);
        var item = new Item(method, async (api, ct) => await call(api, ct).ConfigureAwait(false));
        var lane = _lanes.GetOrAdd(channel is null ? "method:" + method : "channel:" + channel, key => new Lane(key.StartsWith("channel:", StringComparison.Ordinal), _options.ChannelBurst));
        using var registration = cancellationToken.Register(() => item.Done.TrySetCanceled(cancellationToken));
        lane.Enqueue(item, () => _ = Task.Run(() => DrainAsync(lane)));
        return (T)await item.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Stops sending; queued calls are cancelled.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private sealed record Item(string Method, Func<ISlackWebApi, CancellationToken, Task<SlackResponse>> Call)
    {
        public TaskCompletionSource<SlackResponse> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
