namespace ChatOps.Core.Storage;

/// <summary>Chat deliveries kept from the moment they are accepted (before the chat is told so) until they were handled, so a process
/// killed in between leaves them for another process to handle instead of losing them.</summary>
public interface IInboxStore
{
    /// <summary>Keeps a delivery; a second add of the same id keeps the first.</summary>
    Task AddAsync(string id, string kind, string payload, CancellationToken cancellationToken);

    /// <summary>The delivery was handled: it is forgotten.</summary>
    Task DoneAsync(string id, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="max"/> deliveries accepted or last taken before <paramref name="cutoff"/> (their process died, or is
    /// stuck), marking them taken now, so another caller, on any replica, does not take them again until they are that old once more.</summary>
    Task<IReadOnlyList<InboxItem>> TakeStaleAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken);
}

/// <summary>A delivery kept in the <see cref="IInboxStore"/>.</summary>
/// <param name="Id">The surface's id for the delivery (Slack: the envelope).</param>
/// <param name="Kind">What kind of delivery it is, in the surface's words.</param>
/// <param name="Payload">The delivery as the surface received it.</param>
/// <param name="ReceivedAt">When it was accepted.</param>
/// <param name="Attempts">How many times it was taken again after its first process.</param>
public sealed record InboxItem(string Id, string Kind, string Payload, DateTimeOffset ReceivedAt, int Attempts);
