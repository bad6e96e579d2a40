namespace ChatOps.Dialog.State;

/// <summary>Where a conversation stands; the terminal states behave like Idle for the next request.</summary>
public enum DialogState
{
    Idle,
    CollectingDetails,
    Clarifying,
    AwaitingConfirmation,
    AwaitingApproval,
    Executing,
    Done,
    Cancelled,
    Expired,
    Failed,
}
