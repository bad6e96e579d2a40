namespace ChatOps.Core.Chat;

/// <summary>A chat adapter that can find again the message it posted for a run (a reply carrying <see cref="Reply.RunId"/>),
/// for when the process that posted it died before telling the run tracker where it landed.</summary>
public interface IRunMessageFinder
{
    /// <summary>The bot's own message for <paramref name="runId"/> in <paramref name="conversation"/>'s thread, or null when there is none (or the chat cannot tell).</summary>
    Task<MessageRef?> FindRunMessageAsync(ConversationKey conversation, string runId, CancellationToken cancellationToken);
}
