using ChatOps.Core.Audit;
using ChatOps.Core.Chat;
using ChatOps.Dialog.Policy;
using ChatOps.Dialog.Replies;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    private async Task HandleActionAsync(TurnContext c, string action, CancellationToken ct)
    {
        var parts = action.Split(':', 3);
        var pending = c.Conversation.Pending;
        if (parts[0] == "choice" && parts.Length == 3)
        {
            if (c.Conversation.State == DialogState.CollectingDetails && pending?.AwaitingSlot == parts[1]) await FillAsync(c, parts[1], parts[2], Core.Parsing.ParsedEntities.Empty, ct);
            else c.Say("StaleButton");
            return;
        }

        if (parts[0] == "intent" && parts.Length == 2)
        {
            if (c.Conversation.State == DialogState.Clarifying && c.Conversation.CandidateIntents?.Contains(parts[1]) == true) await ChooseIntentAsync(c, parts[1], Core.Parsing.ParsedEntities.Empty, ct);
            else c.Say("StaleButton");
            return;
        }

        if (parts.Length != 2 || pending is null || pending.Id != parts[1])
        {
            c.Say("StaleButton");
            return;
        }

        if (c.Conversation.State == DialogState.Executing && IsStranded(c))
        {
            await ReleaseStrandedAsync(c, ct);
            return;
        }

        if (c.Conversation.State.IsIdleLike() || c.Conversation.State == DialogState.Executing)
        {
            if (!c.Replies.Any()) c.Say("AlreadyHandled", Texts.Get("State_" + c.Conversation.State, c.Language));
            return;
        }

        switch (parts[0])
        {
            case "confirm": Confirm(c); break;
            case "cancel" or "reject": Deny(c); break;
            case "approve": Approve(c); break;
            default: c.Say("StaleButton"); break;
        }
    }

    private void Confirm(TurnContext c)
    {
        var pending = c.Conversation.Pending;
        if (pending is null || c.Conversation.State != DialogState.AwaitingConfirmation)
        {
            if (c.Conversation.State == DialogState.AwaitingApproval) Approve(c);
            else c.Say("NothingPending");
            return;
        }

        if (!c.Machine.TryConfirm(c.User))
        {
            Record(c, AuditKinds.Confirmation, "refused", "only the requester confirms", $"requested by {pending.RequesterId}");
            c.SayOnlyToSender("NotYourRequest", pending.RequesterId);
            return;
        }

        c.Changed = true;
        c.Conversation.Pending = pending with { ConfirmedBy = c.User };
        Record(c, AuditKinds.Confirmation, "confirmed", c.Conversation.State == DialogState.AwaitingApproval ? $"approval by {pending.ApproverRole} still needed" : null);
        if (c.Conversation.State == DialogState.AwaitingApproval)
        {
            c.Replies.Add(new Reply(
                Texts.Get("ApprovalPrompt", c.Language, pending.RequesterId, Summary(pending.Command), pending.ApproverRole),
                [new(Texts.Get("ApproveButton", c.Language), "approve:" + pending.Id, ButtonStyle.Primary), new(Texts.Get("RejectButton", c.Language), "reject:" + pending.Id, ButtonStyle.Danger)],
                c.Language));
            return;
        }

        c.ToExecute = c.Conversation.Pending;
    }

    private void Approve(TurnContext c)
    {
        var pending = c.Conversation.Pending;
        if (pending is null || c.Conversation.State != DialogState.AwaitingApproval)
        {
            c.Say("NothingPending");
            return;
        }

        if (!c.Machine.TryApprove(c.User))
        {
            var self = pending.RequesterId == c.User;
            Record(c, AuditKinds.Approval, "refused", self ? "the requester cannot approve" : $"only members of {pending.ApproverRole} approve");
            c.SayOnlyToSender(self ? "SelfApproval" : "NotApprover", pending.ApproverRole);
            return;
        }

        c.Changed = true;
        c.Conversation.Pending = pending with { ApprovedBy = c.User };
        Record(c, AuditKinds.Approval, "approved", $"member of {pending.ApproverRole}");
        c.ToExecute = c.Conversation.Pending;
    }

    private void Deny(TurnContext c)
    {
        var pending = c.Conversation.Pending;
        if (pending is null || c.Conversation.State.IsIdleLike())
        {
            c.Say("NothingPending");
            return;
        }

        var wasApproval = c.Conversation.State == DialogState.AwaitingApproval;
        if (!c.Machine.TryDeny(c.User))
        {
            Record(c, AuditKinds.Cancellation, "refused", "only the requester or an approver cancels", $"requested by {pending.RequesterId}");
            c.SayOnlyToSender("NotYourRequest", pending.RequesterId);
            return;
        }

        c.Changed = true;
        Record(c, AuditKinds.Cancellation, wasApproval && c.User != pending.RequesterId ? "rejected" : "cancelled");
        if (wasApproval && c.User != pending.RequesterId) c.Say("Rejected", c.User);
        else c.Say("Cancelled");
    }
}
