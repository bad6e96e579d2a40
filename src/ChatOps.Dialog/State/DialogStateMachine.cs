using Stateless;
using Stateless.Graph;

namespace ChatOps.Dialog.State;

/// <summary>
/// The conversation's legal moves, declared once: an illegal transition cannot happen because the machine does not permit it.
/// Rebuilt every turn around the stored <see cref="Conversation"/>; guards ask only the pure policy functions given to it.
/// </summary>
public sealed class DialogStateMachine
{
    private readonly StateMachine<DialogState, DialogTrigger> _machine;
    private readonly StateMachine<DialogState, DialogTrigger>.TriggerWithParameters<string> _confirm;
    private readonly StateMachine<DialogState, DialogTrigger>.TriggerWithParameters<string> _deny;
    private readonly StateMachine<DialogState, DialogTrigger>.TriggerWithParameters<string> _approve;

    /// <param name="conversation">The stored conversation whose state the machine reads and writes.</param>
    /// <param name="mayConfirm">Whether a user may confirm or cancel the pending request (the requester rule).</param>
    /// <param name="mayApprove">Whether a user may approve it (approver role, never the requester).</param>
    /// <param name="mayReject">Whether a user may reject a request waiting for approval.</param>
    /// <param name="needsApproval">Whether the pending request needs an approval after its confirmation.</param>
    public DialogStateMachine(Conversation conversation, Func<string, bool> mayConfirm, Func<string, bool> mayApprove, Func<string, bool> mayReject, Func<bool> needsApproval)
    {
        _machine = new StateMachine<DialogState, DialogTrigger>(() => conversation.State, s => conversation.State = s);
        _confirm = _machine.SetTriggerParameters<string>(DialogTrigger.Confirm);
        _deny = _machine.SetTriggerParameters<string>(DialogTrigger.Deny);
        _approve = _machine.SetTriggerParameters<string>(DialogTrigger.Approve);

        _machine.Configure(DialogState.Idle)
            .Permit(DialogTrigger.Ask, DialogState.CollectingDetails)
            .Permit(DialogTrigger.Clarify, DialogState.Clarifying)
            .Permit(DialogTrigger.RequestConfirmation, DialogState.AwaitingConfirmation)
            .Permit(DialogTrigger.Start, DialogState.Executing);
        foreach (var terminal in new[] { DialogState.Done, DialogState.Cancelled, DialogState.Expired, DialogState.Failed })
        {
            _machine.Configure(terminal).SubstateOf(DialogState.Idle);
        }

        _machine.Configure(DialogState.CollectingDetails)
            .PermitReentry(DialogTrigger.Ask)
            .Permit(DialogTrigger.Clarify, DialogState.Clarifying)
            .Permit(DialogTrigger.RequestConfirmation, DialogState.AwaitingConfirmation)
            .Permit(DialogTrigger.Start, DialogState.Executing)
            .Permit(DialogTrigger.Drop, DialogState.Cancelled)
            .PermitIf(_deny, DialogState.Cancelled, mayConfirm, "requester cancels");

        _machine.Configure(DialogState.Clarifying)
            .PermitReentry(DialogTrigger.Clarify)
            .Permit(DialogTrigger.Ask, DialogState.CollectingDetails)
            .Permit(DialogTrigger.RequestConfirmation, DialogState.AwaitingConfirmation)
            .Permit(DialogTrigger.Start, DialogState.Executing)
            .Permit(DialogTrigger.Drop, DialogState.Cancelled)
            .PermitIf(_deny, DialogState.Cancelled, mayConfirm, "requester cancels");

        _machine.Configure(DialogState.AwaitingConfirmation)
            .PermitReentry(DialogTrigger.RequestConfirmation)
            .Permit(DialogTrigger.Drop, DialogState.Cancelled)
            .Permit(DialogTrigger.Ask, DialogState.CollectingDetails)
            .PermitIf(_confirm, DialogState.AwaitingApproval, user => mayConfirm(user) && needsApproval(), "requester confirms; approval needed")
            .PermitIf(_confirm, DialogState.Executing, user => mayConfirm(user) && !needsApproval(), "requester confirms")
            .PermitIf(_deny, DialogState.Cancelled, mayConfirm, "requester cancels")
            .Permit(DialogTrigger.Expire, DialogState.Expired);

        _machine.Configure(DialogState.AwaitingApproval)
            .PermitIf(_approve, DialogState.Executing, mayApprove, "approver (not the requester) approves")
            .PermitIf(_deny, DialogState.Cancelled, mayReject, "requester cancels or approver rejects")
            .Permit(DialogTrigger.Expire, DialogState.Expired);

        _machine.Configure(DialogState.Executing)
            .Permit(DialogTrigger.Finish, DialogState.Done)
            .Permit(DialogTrigger.Fail, DialogState.Failed);
    }

    /// <summary>The current state.</summary>
    public DialogState State => _machine.State;

    /// <summary>Fires a trigger without a parameter; false (and no change) when the state does not accept it.</summary>
    public bool TryFire(DialogTrigger trigger)
    {
        if (!_machine.CanFire(trigger)) return false;
        _machine.Fire(trigger);
        return true;
    }

    /// <summary>The requester confirms; false when not permitted (wrong user, nothing to confirm).</summary>
    public bool TryConfirm(string user) => TryFire(_confirm, user);

    /// <summary>The requester cancels, or an approver rejects; false when not permitted.</summary>
    public bool TryDeny(string user) => TryFire(_deny, user);

    /// <summary>An approver approves; false for the requester, a non-approver, or nothing awaiting approval.</summary>
    public bool TryApprove(string user) => TryFire(_approve, user);

    /// <summary>The machine as a Mermaid state diagram, drawn by Stateless from the configuration itself.</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    /// <summary>The machine as a Graphviz DOT graph.</summary>
    public string ToDot() => UmlDotGraph.Format(_machine.GetInfo());

    private bool TryFire(StateMachine<DialogState, DialogTrigger>.TriggerWithParameters<string> trigger, string user)
    {
        if (!_machine.CanFire(trigger, user)) return false;
        _machine.Fire(trigger, user);
        return true;
    }
}
