using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Replies;
using ChatOps.Dialog.Slots;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    /// <summary>Confident enough, and a different command than the one pending: the person changed their mind.</summary>
    private bool IsNewCommand(ParseResult parse, string pendingIntent) =>
        IntentDefinitions.Find(parse.Intent) is not null && parse.Intent != pendingIntent && parse.Confidence >= 0.7f && !SlotValues.IsEmpty(parse.Entities);

    private async Task AnswerDetailAsync(TurnContext c, ParseResult parse, CancellationToken ct)
    {
        var pending = c.Conversation.Pending!;
        if (parse.Intent == IntentNames.DialogDeny)
        {
            Deny(c);
            return;
        }

        if (IsNewCommand(parse, pending.Command.Intent))
        {
            c.Machine.TryFire(DialogTrigger.Drop);
            await HandleNewAsync(c, parse, ct);
            return;
        }

        await FillAsync(c, pending.AwaitingSlot!, parse.Text, parser.ExtractEntities(parse.Text, pending.Command.Intent), ct);
    }

    /// <summary>Puts an answer into the awaited slot (from its entities, a choice number, or the text itself) and moves on.</summary>
    private async Task FillAsync(TurnContext c, string slot, string text, ParsedEntities found, CancellationToken ct)
    {
        var pending = c.Conversation.Pending!;
        var choices = Choices(slot);
        var value = text.Trim().TrimEnd('.', '!', '。');
        var picked = choices.FirstOrDefault(ch => ch.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (picked is null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count) picked = choices[n - 1];

        // A picked choice answers the question and nothing else: "2" for "which environment?" is not 2 replicas.
        var slots = picked is not null ? SlotValues.With(pending.Command.Slots, slot, picked)! : SlotValues.Overlay(pending.Command.Slots, found);
        if (!SlotValues.Has(slots, slot))
        {
            if (choices.Count > 0)
            {
                c.Say("UnknownChoice", value, string.Join(" · ", choices));
                return;
            }

            if (SlotValues.With(slots, slot, value) is { } typed && !value.Contains(' ', StringComparison.Ordinal))
            {
                slots = typed;
            }
            else
            {
                c.Say(slot is EntityNames.Replicas or EntityNames.Lines or EntityNames.PipelineId ? "NotANumber" : "Ask" + SlotKey(slot));
                return;
            }
        }

        c.Conversation.Pending = pending with { Command = pending.Command with { Slots = slots } };
        c.Changed = true;
        if (CommandBinder.Missing(c.Conversation.Pending.Command) is { } next)
        {
            Ask(c, next);
            return;
        }

        await ProceedAsync(c, forceConfirmation: false, ct);
    }

    private async Task AnswerClarificationAsync(TurnContext c, ParseResult parse, CancellationToken ct)
    {
        var candidates = c.Conversation.CandidateIntents ?? [];
        var text = parse.Text.Trim();
        var chosen = candidates.FirstOrDefault(i => i == parse.Intent || text.Equals(i, StringComparison.OrdinalIgnoreCase));
        if (chosen is null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= candidates.Count) chosen = candidates[n - 1];
        if (parse.Intent == IntentNames.DialogDeny && chosen is null)
        {
            Deny(c);
            return;
        }

        if (chosen is null)
        {
            c.Machine.TryFire(DialogTrigger.Drop);
            c.Changed = true;
            await HandleNewAsync(c, parse, ct);
            return;
        }

        await ChooseIntentAsync(c, chosen, parse.Entities, ct);
    }

    private async Task ChooseIntentAsync(TurnContext c, string intent, ParsedEntities extra, CancellationToken ct)
    {
        var entities = SlotValues.Overlay(c.Conversation.CandidateEntities ?? ParsedEntities.Empty, extra);
        c.Conversation.CandidateIntents = null;
        c.Conversation.CandidateEntities = null;
        await StartRequestAsync(c, intent, entities, forceConfirmation: false, ct);
    }

    private async Task AnswerConfirmationAsync(TurnContext c, ParseResult parse, CancellationToken ct)
    {
        var pending = c.Conversation.Pending!;
        switch (parse.Intent)
        {
            case IntentNames.DialogConfirm: Confirm(c); return;
            case IntentNames.DialogDeny: Deny(c); return;
        }

        if (IsNewCommand(parse, pending.Command.Intent) && IsRequester(c))
        {
            c.Machine.TryFire(DialogTrigger.Drop);
            await HandleNewAsync(c, parse, ct);
            return;
        }

        // "actually make it staging": the requester changes a detail, and the new version is confirmed afresh.
        var change = parser.ExtractEntities(parse.Text, pending.Command.Intent);
        if (!SlotValues.IsEmpty(change) && IsRequester(c))
        {
            c.Conversation.Pending = pending with { Command = pending.Command with { Slots = SlotValues.Overlay(pending.Command.Slots, change) } };
            await ProceedAsync(c, forceConfirmation: true, ct);
            return;
        }

        c.Say("ConfirmPrompt", Summary(pending.Command), pending.Plan, pending.RequesterId, pending.ExpiresAt?.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static bool IsRequester(TurnContext c) => c.Conversation.Pending is { } p && Policy.ActionPolicy.MayConfirm(p.RequesterId, c.User);

    private void AnswerApproval(TurnContext c, ParseResult parse)
    {
        switch (parse.Intent)
        {
            case IntentNames.DialogConfirm: Approve(c); return;
            case IntentNames.DialogDeny: Deny(c); return;
            default:
                var p = c.Conversation.Pending!;
                c.Say("ApprovalPrompt", p.RequesterId, Summary(p.Command), p.ApproverRole);
                return;
        }
    }
}
