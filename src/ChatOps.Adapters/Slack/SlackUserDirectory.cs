using System.Collections.Concurrent;
using ChatOps.Adapters.Slack.Api;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack;

/// <summary>Looks people up with users.info (contract §6.2) and keeps them for <see cref="SlackOptions.UserCacheTime"/>.</summary>
public sealed class SlackUserDirectory(SlackOutbox outbox, IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (SlackUser? User, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The user, or null when Slack does not know or show them.</summary>
    public async Task<SlackUser?> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(userId, out var hit) && hit.Until > now) return hit.User;
        SlackUser? user;
        try
        {
            user = (await outbox.SendAsync("users.info", null, (api, ct) => api.GetUserAsync(userId, ct), cancellationToken).ConfigureAwait(false)).User;
        }
        catch (SlackApiException ex) when (ex.Error is "user_not_found" or "user_not_visible")
        {
            user = null;
        }

        _cache[userId] = (user, now + options.Value.UserCacheTime);
        return user;
    }

    /// <summary>The user's e-mail when <see cref="SlackOptions.ResolveEmails"/> is on and Slack shows it; null otherwise, so access checks fail closed.</summary>
    public async Task<string?> GetEmailAsync(string userId, CancellationToken cancellationToken)
    {
        if (!options.Value.ResolveEmails) return null;
        var user = await GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
        return user is { Deleted: false, IsBot: false } ? user.Profile?.Email : null;
    }
}
