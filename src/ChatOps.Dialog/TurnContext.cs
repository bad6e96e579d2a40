using ChatOps.Core.Audit;
using ChatOps.Core.Chat;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

/// <summary>One turn being decided: the input, the conversation as loaded, the replies so far, and what to run after saving.</summary>
internal sealed class TurnContext(IncomingTurn turn, Conversation conversation, DialogStateMachine machine, ChatIdentity? identity = null)
{
    public IncomingTurn Turn { get; } = turn;

    /// <summary>Who is speaking, with the e-mail and groups the adapter could tell.</summary>
    public ChatIdentity Identity { get; } = identity ?? ChatIdentity.Of(turn.UserId);

    /// <summary>Audit rows this turn produced; written only once the turn's state is saved (a lost race writes nothing).</summary>
    public List<AuditEvent> AuditEvents { get; } = [];
    public Conversation Conversation { get; } = conversation;
    public DialogStateMachine Machine { get; } = machine;
    public List<Reply> Replies { get; } = [];

    /// <summary>Whether the conversation changed and must be saved.</summary>
    public bool Changed { get; set; }

    /// <summary>Set when the turn moved the conversation to Executing: run it once the state is saved.</summary>
    public PendingRequest? ToExecute { get; set; }

    public string User => Turn.UserId;
    public string Language => Conversation.Language;

    public void Say(string key, params object?[] args) => Replies.Add(Reply.Plain(ChatOps.Dialog.Replies.Texts.Get(key, Language, args), Language));

    public void SayOnlyToSender(string key, params object?[] args) =>
        Replies.Add(new Reply(ChatOps.Dialog.Replies.Texts.Get(key, Language, args), [], Language, Ephemeral: true));
}
