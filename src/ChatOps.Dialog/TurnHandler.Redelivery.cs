using ChatOps.Core.Chat;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

// why: a delivery accepted by a process that died is handed over again (IncomingTurn.Redelivered). Its claim may be taken by a turn that
// died before it saved, so the saved conversation, which lists the deliveries that changed it, says whether it still needs handling
public sealed partial class TurnHandler
{
    /// <summary>How many delivery ids a conversation remembers (<see cref="Conversation.HandledEvents"/>).</summary>
    private const int HandledEventsKept = 16;

    /// <summary>A redelivered turn the conversation is past: it was handled (a process racing this one saved it), or someone wrote in the
    /// conversation after it was sent (the person asked again, so answering the old message now would only confuse).</summary>
    private static bool IsPast(IncomingTurn turn, Conversation c) =>
        turn.Redelivered is { } accepted && ((turn.EventId is { } id && c.HandledEvents?.Contains(id) == true) || c.ChangedAt > accepted);

    /// <summary>Notes the turn's delivery as handled, and when, in the state about to be saved.</summary>
    private static void NoteHandled(Conversation c, IncomingTurn turn, DateTimeOffset now)
    {
        c.ChangedAt = now;
        if (turn.EventId is { } id) c.HandledEvents = [.. (c.HandledEvents ?? []).TakeLast(HandledEventsKept - 1), id];
    }
}
