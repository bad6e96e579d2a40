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

    /// <summary>Replies saved with this state that no surface has reported posted yet: a process killed between the save and the post, or a
    /// chat that refused the post, leaves them here, and the dialog sweep posts each at its due time (at least once, never none).</summary>
    public List<OutgoingReply>? Outbox { get; set; }

    /// <summary>The delivery ids of the last turns that changed this conversation, saved with what they changed: a delivery handed over
    /// again after a crash is dropped when it is here, and handled when it is not (its first process died before saving).</summary>
    public List<string>? HandledEvents { get; set; }

    /// <summary>When a turn last changed this conversation.</summary>
    public DateTimeOffset? ChangedAt { get; set; }
}
