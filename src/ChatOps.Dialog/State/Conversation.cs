using ChatOps.Core.Chat;
using ChatOps.Core.Parsing;

namespace ChatOps.Dialog.State;

/// <summary>The stored state of one conversation; the machine reads and writes <see cref="State"/> here.</summary>
public sealed class Conversation
{
    public DialogState State { get; set; } = DialogState.Idle;

    /// <summary>The request being collected, confirmed, approved or executed.</summary>
    public PendingRequest? Pending { get; set; }

    /// <summary>While clarifying: the candidate intents and the entities already understood.</summary>
    public IReadOnlyList<string>? CandidateIntents { get; set; }

    public ParsedEntities? CandidateEntities { get; set; }

    /// <summary>The language of the last message, "en" or "zh".</summary>
    public string Language { get; set; } = "en";

    /// <summary>The outcome of the last finished request, for "what happened?".</summary>
    public string? LastOutcome { get; set; }

    /// <summary>Replies a sweep saved with this state and has not yet seen posted: a process killed between the save and the post leaves
    /// them here, and a later sweep posts them at <see cref="RedeliverAt"/> (at least once; nobody is writing in the thread to ask again).</summary>
    public IReadOnlyList<Reply>? Undelivered { get; set; }

    public DateTimeOffset? RedeliverAt { get; set; }
}
