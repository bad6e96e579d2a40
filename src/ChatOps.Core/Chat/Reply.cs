namespace ChatOps.Core.Chat;

/// <summary>An adapter-neutral answer: text, optional choices or buttons, and whether it is dangerous; adapters render it.</summary>
/// <param name="Text">Plain text with *bold* and `code` marks that adapters translate.</param>
/// <param name="Buttons">Choices or Confirm/Cancel; each carries the action id it sends back.</param>
/// <param name="Language">"en" or "zh": the language of the message it answers.</param>
/// <param name="Ephemeral">Only the sender needs to see it (errors about their own request).</param>
/// <param name="Attachment">Long output (a full log) that adapters attach as a file instead of inlining.</param>
/// <param name="RunId">The tracked run this reply announces: the adapter reports where it posted it, so the run can edit it later.</param>
/// <param name="DeliveryId">Set when the dialog saved this reply with the conversation to post again unless the surface reports it posted
/// (<see cref="ITurnHandler.DeliveredAsync"/>); null for replies nothing keeps (nothing changed, or only the sender sees them).</param>
public sealed record Reply(
    string Text, IReadOnlyList<ReplyButton> Buttons, string Language = "en", bool Ephemeral = false, string? Attachment = null, string? RunId = null,
    string? DeliveryId = null)
{
    /// <summary>A text-only reply.</summary>
    public static Reply Plain(string text, string language = "en") => new(text, [], language);
}
