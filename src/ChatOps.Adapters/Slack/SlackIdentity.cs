namespace ChatOps.Adapters.Slack;

/// <summary>Who the bot is in the workspace (auth.test, contract §6.2): asked once, then kept; a failed lookup is tried again next time.</summary>
public sealed class SlackIdentity(SlackOutbox outbox)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BotIdentity? _known;

    /// <summary>The bot's user id and bot id.</summary>
    public async Task<BotIdentity> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _known) is { } known) return known;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_known is not null) return _known;
            var answer = await outbox.SendAsync("auth.test", null, (api, ct) => api.AuthTestAsync(ct), cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _known, new BotIdentity(answer.UserId ?? "", answer.BotId ?? "", answer.TeamId ?? ""));
            return _known!;
        }
        finally
        {
            _gate.Release();
        }
    }
}
