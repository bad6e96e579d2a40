namespace ChatOps.Core.Chat;

/// <summary>The bot's one entry point for every chat surface: a turn in, the replies to show out.</summary>
public interface ITurnHandler
{
    /// <summary>Handles one turn; never throws for bad input, answering with a reply instead.</summary>
    Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn, CancellationToken cancellationToken);

    /// <summary>The surface posted the replies carrying these <see cref="Reply.DeliveryId"/>s in <paramref name="conversation"/>: they are not
    /// posted again. A reply never reported posted (the process died first, or the chat refused it) is posted by the dialog sweep a minute later.</summary>
    Task DeliveredAsync(ConversationKey conversation, IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
