using ChatOps.Core.Chat;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

// why: a turn's state is saved before its replies are posted, so a process killed in between (or a chat that refuses the post) would leave a
// question nobody sees: the replies are saved with the state, the surface reports them posted, and the sweep posts whatever it never reported
public sealed partial class TurnHandler
{
    /// <summary>How many times the sweep posts a saved reply before giving it up (a chat that refuses it every minute, an archived channel).</summary>
    public const int MaxReposts = 5;

    /// <inheritdoc />
    public async Task DeliveredAsync(ConversationKey conversation, IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        if (deliveryIds.Count == 0) return;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await conversations.LoadAsync(conversation, cancellationToken) is not { } stored) return;
            var c = ConversationJson.Read(stored.StateJson);
            if (c.Outbox is not { } outbox || outbox.RemoveAll(o => o.Reply.DeliveryId is { } id && deliveryIds.Contains(id)) == 0) return;
            if (outbox.Count == 0) c.Outbox = null;
            if (await conversations.SaveAsync(conversation, ConversationJson.Write(c), stored.Version, DueAt(c), cancellationToken)) return;
        }
    }

    /// <summary>Gives each reply in <paramref name="replies"/> a delivery id and saves a copy as it will leave the bot in <paramref name="c"/>'s
    /// outbox. Only-the-sender replies of a turn are not kept: outside the turn there is no sender to show them to, and the sender can ask again.
    /// A run's announcement is not kept either: the run tracker gives a run no surface reported a message for one of its own
    /// (Tracking:AnnounceGrace), and a second copy from here would leave one of the two undrawn.</summary>
    private void Keep(Conversation c, List<Reply> replies, bool keepEphemeral)
    {
        var due = time.GetUtcNow() + options.RedeliverAfter;
        for (var i = 0; i < replies.Count; i++)
        {
            if ((replies[i].Ephemeral && !keepEphemeral) || replies[i].RunId is not null) continue;
            // why: kept as it will leave the bot, so the copy saved, the one returned and any reposted later are the same redacted text
            replies[i] = Redact(replies[i]) with { DeliveryId = Guid.NewGuid().ToString("N") };
            (c.Outbox ??= []).Add(new OutgoingReply(replies[i], due));
        }
    }

    /// <summary>A change of state leaves earlier unposted questions behind: their buttons ask about what is settled now, so they are not posted.</summary>
    private static void DropQuestions(Conversation c)
    {
        if (c.Outbox is not { } outbox) return;
        outbox.RemoveAll(o => o.Reply.Buttons.Count > 0);
        if (outbox.Count == 0) c.Outbox = null;
    }

    /// <summary>The saved replies the sweep posts now, each due again <see cref="DialogOptions.RedeliverAfter"/> later in case this post is lost too, and
    /// dropped after <see cref="MaxReposts"/>. None while a request is executing: the turn running it is about to post them.</summary>
    private List<Reply> TakeDue(Conversation c, out int gaveUp)
    {
        var now = time.GetUtcNow();
        gaveUp = 0;
        if (c.Outbox is not { } outbox || c.State == DialogState.Executing) return [];
        var due = new List<Reply>();
        gaveUp = outbox.RemoveAll(o => o.DueAt <= now && o.Reposts >= MaxReposts);
        for (var i = 0; i < outbox.Count; i++)
        {
            if (outbox[i].DueAt > now) continue;
            due.Add(outbox[i].Reply);
            outbox[i] = outbox[i] with { DueAt = now + options.RedeliverAfter, Reposts = outbox[i].Reposts + 1 };
        }

        if (outbox.Count == 0) c.Outbox = null;
        return due;
    }

    /// <summary>Once a request's outcome is recorded its turn posts everything at once, so nothing saved is due before <see cref="DialogOptions.RedeliverAfter"/>.</summary>
    private void Postpone(Conversation c)
    {
        var due = time.GetUtcNow() + options.RedeliverAfter;
        if (c.Outbox is not { } outbox) return;
        for (var i = 0; i < outbox.Count; i++) outbox[i] = outbox[i] with { DueAt = outbox[i].DueAt < due ? due : outbox[i].DueAt };
    }

    /// <summary>The earliest saved reply's due time; none while executing (<see cref="TakeDue"/>).</summary>
    private static DateTimeOffset? OutboxDue(Conversation c) =>
        c.State != DialogState.Executing && c.Outbox is { Count: > 0 } outbox ? outbox.Min(o => o.DueAt) : null;
}
