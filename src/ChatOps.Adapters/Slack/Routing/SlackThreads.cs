using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Routing;

/// <summary>
/// The channel threads the bot has posted in lately (in this process): a reply there without a mention is still meant for the bot,
/// for <see cref="SlackOptions.ThreadWindow"/> after its last post. Elsewhere in a channel only a mention is.
/// </summary>
/// <remarks>
/// Kept in memory, not read from the conversation store: the store cannot tell a finished conversation from one awaiting an answer, and
/// after a restart people chatting in an old bot thread would each get an answer. Lost on restart; a mention then brings the bot back.
/// </remarks>
public sealed class SlackThreads(IOptions<SlackOptions> options, TimeProvider time)
{
    private const int MaxThreads = 10_000;
    private readonly ConcurrentDictionary<(string Channel, string ThreadTs), DateTimeOffset> _posted = new();
    private readonly TimeSpan _window = options.Value.ThreadWindow;

    /// <summary>Notes that the bot posted in the thread whose parent is <paramref name="threadTs"/>.</summary>
    public void Posted(string channel, string threadTs)
    {
        var now = time.GetUtcNow();
        _posted[(channel, threadTs)] = now;
        if (_posted.Count <= MaxThreads) return;
        foreach (var (thread, at) in _posted)
        {
            if (now - at > _window) _posted.TryRemove(thread, out _);
        }
    }

    /// <summary>True when the bot posted in that thread within the window.</summary>
    public bool IsFollowed(string channel, string threadTs) =>
        _posted.TryGetValue((channel, threadTs), out var at) && time.GetUtcNow() - at <= _window;
}
