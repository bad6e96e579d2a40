namespace ChatOps.Dialog.State;

/// <summary>Groupings of dialog states.</summary>
public static class DialogStateExtensions
{
    /// <summary>Idle or a finished request: a new request may start.</summary>
    public static bool IsIdleLike(this DialogState state) =>
        state is DialogState.Idle or DialogState.Done or DialogState.Cancelled or DialogState.Expired or DialogState.Failed;
}
