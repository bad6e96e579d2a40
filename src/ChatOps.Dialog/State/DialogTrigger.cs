namespace ChatOps.Dialog.State;

/// <summary>What can happen to a conversation: the machine decides which of these each state accepts.</summary>
public enum DialogTrigger
{
    /// <summary>A detail is missing: ask for it.</summary>
    Ask,

    /// <summary>Two intents are close: ask which one.</summary>
    Clarify,

    /// <summary>Everything is known and the policy wants a confirmation.</summary>
    RequestConfirmation,

    /// <summary>The requester confirmed (parameter: who pressed).</summary>
    Confirm,

    /// <summary>The requester or an approver said no (parameter: who).</summary>
    Deny,

    /// <summary>An approver approved (parameter: who).</summary>
    Approve,

    /// <summary>The pending confirmation ran out of time.</summary>
    Expire,

    /// <summary>Everything is known and nothing needs confirming: run now.</summary>
    Start,

    /// <summary>The executor accepted the command.</summary>
    Finish,

    /// <summary>The executor refused or failed.</summary>
    Fail,

    /// <summary>The request was replaced by a new one, or turned out impossible to run.</summary>
    Drop,
}
