using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ChatOps.Sandbox.Slack;

/// <summary>
/// A loopback Slack (contract slack.md §9): Socket Mode WebSocket server, the Web API subset the bot uses (with the external file upload
/// from docs.slack.dev), signed HTTP-mode deliveries, and scripted people who mention the bot, DM it, write in its threads and press its
/// buttons. Records every call and keeps every file.
/// </summary>
public sealed partial class SlackEmulator : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SlackApiCall> _calls = [];
    private readonly Dictionary<string, List<SlackStoredMessage>> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Seconds, int Micros)> _lastTs = new(StringComparer.Ordinal);
    private readonly LoopbackServer _server;
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _eventSeq;

    /// <summary>Creates the emulator; call <see cref="StartAsync"/> to listen.</summary>
    public SlackEmulator(SlackEmulatorOptions? options = null)
    {
        Options = options ?? new SlackEmulatorOptions();
        Knobs = new SlackEmulatorKnobs();
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _server = new LoopbackServer(Options.Port, Configure);
    }

    /// <summary>The options it was built with.</summary>
    public SlackEmulatorOptions Options { get; }

    /// <summary>Run-time faults: rate limits and the per-channel throttle.</summary>
    public SlackEmulatorKnobs Knobs { get; }

    /// <summary>The server address.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The Web API base to configure in the bot (…/api/).</summary>
    public Uri ApiBase => new(BaseAddress, "api/");

    /// <summary>Every Web API call so far, in arrival order.</summary>
    public IReadOnlyList<SlackApiCall> Calls
    {
        get
        {
            lock (_gate) return [.. _calls];
        }
    }

    /// <summary>Starts listening on 127.0.0.1.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _server.StartAsync(cancellationToken);

    /// <summary>A scripted person of the workspace (see <see cref="SlackEmulatorOptions.People"/>).</summary>
    public SlackScriptedUser User(string userId) => new(this, userId);

    /// <summary>The messages of a channel (oldest first), including thread replies.</summary>
    public IReadOnlyList<SlackStoredMessage> Messages(string channel)
    {
        lock (_gate) return _messages.TryGetValue(channel, out var list) ? [.. list] : [];
    }

    /// <summary>The bot's replies in a thread (oldest first).</summary>
    public IReadOnlyList<SlackStoredMessage> BotReplies(string channel, string? threadTs) =>
        [.. Messages(channel).Where(m => m.BotId is not null && m.ThreadTs == threadTs && !m.Deleted)];

    /// <summary>Finds a stored message.</summary>
    public SlackStoredMessage? Find(string channel, string ts)
    {
        lock (_gate) return _messages.TryGetValue(channel, out var list) ? list.FirstOrDefault(m => m.Ts == ts) : null;
    }

    /// <summary>Waits until a recorded call matches, or throws <see cref="TimeoutException"/>.</summary>
    public Task<SlackApiCall> WaitForCallAsync(Func<SlackApiCall, bool> match, TimeSpan? timeout = null) =>
        WaitForAsync(() =>
        {
            lock (_gate) return _calls.FirstOrDefault(match);
        }, timeout, "a matching Web API call");

    /// <summary>Waits until <paramref name="condition"/> holds (re-checked on every change), or throws <see cref="TimeoutException"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<T?> condition, TimeSpan? timeout = null, string what = "the condition")
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task changed;
            lock (_gate) changed = _changed.Task;
            if (condition() is { } found && !(found is bool b && !b)) return found;
            var left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0) throw new TimeoutException($"Slack emulator: timed out waiting for {what}.");
            await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(Math.Min(0.25, (double)left / Stopwatch.Frequency)))).ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening and closes every socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await CloseAllLinksAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Wakes every waiter; call after any state change.</summary>
    private void Changed()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    private void Configure(WebApplication app)
    {
        app.UseWebSockets();
        MapWebApi(app);
        MapSocket(app);
        MapResponseUrls(app);
        MapFileUploads(app);
        app.MapFallback("{**path}", () => Hosting.Reply.Text("404 Not Found", 404));
    }

    /// <summary>A new message ts for a channel: "&lt;epoch&gt;.&lt;6 digits&gt;", unique and increasing per channel (§9.4).</summary>
    private string NextTs(string channel)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        lock (_gate)
        {
            var (seconds, micros) = _lastTs.GetValueOrDefault(channel);
            if (now > seconds) (seconds, micros) = (now, 100);
            else if (micros >= 999_999) (seconds, micros) = (seconds + 1, 100);
            else micros++;
            _lastTs[channel] = (seconds, micros);
            return $"{seconds}.{micros:D6}";
        }
    }

    private string NextEventId() => $"Ev{Interlocked.Increment(ref _eventSeq):D8}";

    private SlackStoredMessage Store(string channel, string? threadTs, string user, string? botId, string text, JsonArray? blocks, Action<SlackStoredMessage>? init = null)
    {
        var message = new SlackStoredMessage(channel, NextTs(channel), threadTs, user, botId, text, blocks);
        init?.Invoke(message);
        lock (_gate)
        {
            if (!_messages.TryGetValue(channel, out var list)) _messages[channel] = list = [];
            list.Add(message);
        }

        Changed();
        return message;
    }
}
