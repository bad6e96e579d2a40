namespace ChatOps.Core.Chat;

/// <summary>The bot's one entry point for every chat surface: a turn in, the replies to show out.</summary>
public interface ITurnHandler
{
    /// <summary>Handles one turn; never throws for bad input, answering with a reply instead.</summary>
    Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn, CancellationToken cancellationToken);
}
