namespace ChatOps.Sandbox.Slack;

/// <summary>Run-time faults of the Slack emulator (§9.4): injected 429s and Slack's one-message-a-second-per-channel limit.</summary>
public sealed class SlackEmulatorKnobs
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Times, int RetryAfter)> _limits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastPost = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Times, string Error)> _failures = new(StringComparer.Ordinal);
    private int _limited;

    /// <summary>When on, a chat.postMessage less than <see cref="ChannelInterval"/> after the previous one in the same channel gets 429.</summary>
    public bool ThrottlePerChannel { get; set; }

    /// <summary>The spacing <see cref="ThrottlePerChannel"/> enforces.</summary>
    public TimeSpan ChannelInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When on, POSTs to a file upload URL answer HTTP 500 (a failed upload, files.getUploadURLExternal usage info).</summary>
    public bool FailUploads { get; set; }

    /// <summary>Calls answered 429 so far.</summary>
    public int RateLimited => Volatile.Read(ref _limited);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> get 429 with <c>Retry-After: retryAfterSeconds</c>.</summary>
    public void RateLimit(string method, int times = 1, int retryAfterSeconds = 1)
    {
        lock (_gate) _limits[method] = (times, retryAfterSeconds);
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer HTTP 200 <c>{"ok":false,"error":error}</c>.</summary>
    public void Fail(string method, string error, int times = 1)
    {
        lock (_gate) _failures[method] = (times, error);
    }

    /// <summary>The error this call is to fail with (see <see cref="Fail"/>), else null.</summary>
    internal string? TakeFailure(string method)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var failure) || failure.Times <= 0) return null;
            _failures[method] = (failure.Times - 1, failure.Error);
            return failure.Error;
        }
    }

    /// <summary>The Retry-After seconds when this call is to be refused with 429, else null.</summary>
    internal int? Check(string method, string? channel, DateTimeOffset now)
    {
        lock (_gate)
        {
            int? refuse = null;
            if (_limits.TryGetValue(method, out var limit) && limit.Times > 0)
            {
                _limits[method] = (limit.Times - 1, limit.RetryAfter);
                refuse = limit.RetryAfter;
            }
            else if (ThrottlePerChannel && method == "chat.postMessage" && channel is not null)
            {
                if (_lastPost.TryGetValue(channel, out var last) && now - last < ChannelInterval) refuse = 1;
                else _lastPost[channel] = now;
            }

            if (refuse is not null) _limited++;
            return refuse;
        }
    }
}
