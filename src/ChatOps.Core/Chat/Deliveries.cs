namespace ChatOps.Core.Chat;

/// <summary>What surfaces report after posting a turn's replies.</summary>
public static class Deliveries
{
    /// <summary>The delivery ids among <paramref name="posted"/>, the replies that did reach the chat.</summary>
    public static IReadOnlyCollection<string> Of(IEnumerable<Reply> posted) =>
        [.. (posted ?? throw new ArgumentNullException(nameof(posted))).Select(r => r.DeliveryId).OfType<string>()];
}
