using System.Globalization;
using ChatOps.Core.Audit;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Replies;
using ChatOps.Dialog.Slots;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    private async Task StartRequestAsync(TurnContext c, string intent, ParsedEntities entities, bool forceConfirmation, CancellationToken ct)
    {
        if (intent == IntentNames.AuditQuery)
        {
            // why: the audit trail is answered by the dialog itself, not an executor, however the intent was reached (clarified, typed)
            await AnswerAuditQueryAsync(c, new ParseResult(c.Turn.Text, intent, 1, [], entities), ct);
            return;
        }

        if (!executor.SupportedIntents.Contains(intent))
        {
            c.Say("Unsupported", intent);
            return;
        }

        var user = await defaults.GetAsync(UserScope(c), ct);
        var channel = await defaults.GetAsync(ChannelScope(c), ct);
        var (command, missing) = CommandBinder.Bind(intent, entities, user, channel);
        c.Conversation.Pending = NewPending(c, command);
        c.Conversation.CandidateIntents = null;
        c.Changed = true;
        Record(c, AuditKinds.Request, "received", detail: c.Turn.ActionId ?? c.Turn.Text);
        if (!InputIsValid(c, c.Conversation.Pending)) return;
        if (missing is not null)
        {
            Ask(c, missing);
            return;
        }

        await ProceedAsync(c, forceConfirmation, ct);
    }

    /// <summary>Everything is known: check the policy (the one gate every surface passes), plan it, then confirm or run.</summary>
    private async Task ProceedAsync(TurnContext c, bool forceConfirmation, CancellationToken ct)
    {
        var pending = c.Conversation.Pending!;
        c.Changed = true;
        if (!Authorize(c, pending)) return;
        var plan = await executor.PlanAsync(pending.Command, ct);
        if (!plan.CanRun)
        {
            c.Machine.TryFire(DialogTrigger.Drop);
            c.Say("CannotRun", plan.Problem ?? plan.Description);
            return;
        }

        await RememberLastAsync(c, pending.Command, ct);
        var decision = _policy.Decide(pending.Command);
        // why: the person may have asked again while the bot was down; an action from a message handed over after a restart waits for a Confirm
        forceConfirmation |= c.Turn.Redelivered is not null && Policy.ActionPolicy.IsAction(pending.Command.Intent);
        if (!decision.NeedsConfirmation && !forceConfirmation)
        {
            Record(c, AuditKinds.Decision, "run", decision.Reason);
            c.Machine.TryFire(DialogTrigger.Start);
            c.ToExecute = pending;
            return;
        }

        var expires = time.GetUtcNow() + options.Policy.ConfirmationTimeout;
        c.Conversation.Pending = pending with { ExpiresAt = expires, ApproverRole = decision.ApproverRole, Plan = _redactor.Redact(plan.Description), AwaitingSlot = null };
        c.Machine.TryFire(DialogTrigger.RequestConfirmation);
        var redelivered = !decision.NeedsConfirmation && c.Turn.Redelivered is not null;
        var why = decision.NeedsConfirmation ? decision.Reason : redelivered ? "asked because the message was handed over after a restart" : "asked again after a change";
        Record(c, AuditKinds.Question, "confirmation asked", why, plan.Description);
        if (redelivered) c.Say("RedeliveredConfirm");
        var style = _policy.IsProtected(pending.Command.Environment) ? ButtonStyle.Danger : ButtonStyle.Primary;
        var text = Texts.Get("ConfirmPrompt", c.Language, Summary(pending.Command), plan.Description, pending.RequesterId, expires.ToString("HH:mm", CultureInfo.InvariantCulture));
        c.Replies.Add(new Reply(text,
            [new(Texts.Get("ConfirmButton", c.Language), "confirm:" + pending.Id, style), new(Texts.Get("CancelButton", c.Language), "cancel:" + pending.Id)],
            c.Language));
    }

    private void Ask(TurnContext c, string slot)
    {
        c.Conversation.Pending = c.Conversation.Pending! with { AwaitingSlot = slot };
        c.Machine.TryFire(DialogTrigger.Ask);
        c.Changed = true;
        Record(c, AuditKinds.Question, "asked", "missing " + slot);
        var question = Texts.Get("Ask" + SlotKey(slot), c.Language) + "\n" + Texts.Get("AskFooter", c.Language);
        c.Replies.Add(new Reply(question, Choices(slot).Select(v => new ReplyButton(v, $"choice:{slot}:{v}")).ToList(), c.Language));
    }

    /// <summary>The catalog's choices for a slot (services, environments); other slots are typed.</summary>
    private IReadOnlyList<string> Choices(string slot) => slot switch
    {
        EntityNames.Service => catalog.Services.Select(s => s.Name).ToList(),
        EntityNames.Environment => catalog.Environments.Select(e => e.Name).ToList(),
        _ => [],
    };

    private static string SlotKey(string slot) => slot switch
    {
        EntityNames.PipelineId => "PipelineId",
        _ => char.ToUpperInvariant(slot[0]) + slot[1..],
    };

    /// <summary>"deploy checkout → uat @ v1.2.3": the command in one line.</summary>
    internal static string Summary(ChatCommand command)
    {
        var s = command.Slots;
        var parts = new List<string> { command.Intent };
        if (s.Services.Count > 0) parts.Add(string.Join(", ", s.Services));
        if (s.Workflow is not null) parts.Add(s.Workflow);
        if (s.Project is not null) parts.Add(s.Project);
        if (s.Pod is not null) parts.Add(s.Pod);
        if (s.PipelineId is not null) parts.Add("#" + s.PipelineId);
        if (s.Environment is not null) parts.Add("→ " + s.Environment);
        if (s.Namespace is not null) parts.Add("(ns " + s.Namespace + ")");
        if (s.Ref is not null) parts.Add("@ " + s.Ref);
        if (s.Replicas is not null) parts.Add("× " + s.Replicas);
        return string.Join(' ', parts);
    }

    private async Task RepeatLastAsync(TurnContext c, CancellationToken ct)
    {
        var last = (await defaults.GetAsync(UserScope(c), ct)).LastCommand;
        if (last is null || !c.Machine.State.IsIdleLike())
        {
            c.Say(last is null ? "NothingToRepeat" : "NothingPending");
            return;
        }

        c.Say("Repeat");
        await StartRequestAsync(c, last.Intent, last.Slots, forceConfirmation: true, ct);
    }

    private async Task RememberLastAsync(TurnContext c, ChatCommand command, CancellationToken ct)
    {
        var current = await defaults.GetAsync(UserScope(c), ct);
        await defaults.SetAsync(UserScope(c), current with { LastCommand = command }, ct);
    }

    private static string UserScope(TurnContext c) => $"user:{c.Turn.Key.Workspace}/{c.User}";

    private static string ChannelScope(TurnContext c) => $"channel:{c.Turn.Key.Workspace}/{c.Turn.Key.Channel}";
}
