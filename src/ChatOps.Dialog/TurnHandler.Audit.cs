using ChatOps.Core.Audit;
using ChatOps.Core.Chat;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    /// <summary>Notes an audit row about the conversation's pending request, written when the turn's state is saved.</summary>
    private static void Record(TurnContext c, string kind, string outcome, string? rule = null, string? detail = null) =>
        c.AuditEvents.Add(EventFor(c.Turn.Key, c.User, c.Conversation.Pending, kind, outcome, rule, detail));

    private static AuditEvent EventFor(ConversationKey key, string actor, PendingRequest? pending, string kind, string outcome, string? rule, string? detail)
    {
        var command = pending?.Command;
        var services = command is { Slots.Services.Count: > 0 } ? string.Join(",", command.Slots.Services) : null;
        return new AuditEvent(kind, actor, key.ToString(), pending?.Id, command?.Intent, services, command?.Environment, command?.Slots.Ref, outcome, rule, detail);
    }

    /// <summary>A refusal before any request exists (a replayed delivery, an oversized message).</summary>
    private static AuditEvent Refusal(IncomingTurn turn, string rule, string detail) =>
        new(AuditKinds.Refusal, turn.UserId, turn.Key.ToString(), Outcome: "refused", Rule: rule, Detail: detail);

    private async Task FlushAuditAsync(TurnContext c, CancellationToken ct)
    {
        // why: one write for the turn's rows; a write per row made the audit trail the slowest part of a turn
        if (audit is not null && c.AuditEvents.Count > 0) await audit.AppendAllAsync(c.AuditEvents.Select(Prepare).ToList(), ct);
        c.AuditEvents.Clear();
    }

    /// <summary>Writes one row; a failing audit log fails the turn, so nothing runs that the trail does not show.</summary>
    private async Task AppendAsync(AuditEvent e, CancellationToken ct)
    {
        if (audit is null) return;
        await audit.AppendAsync(Prepare(e), ct);
    }

    /// <summary>What is stored of an event: secrets masked, the detail clipped.</summary>
    private AuditEvent Prepare(AuditEvent e) => e with { Detail = Clip(_redactor.Redact(e.Detail)), Rule = _redactor.Redact(e.Rule) };

    /// <summary>Replies as they may leave the bot: no configured secret or token-shaped text in them.</summary>
    /// <remarks>A reply with a delivery id was redacted when it was kept (<see cref="Keep"/>), so it is not read again.</remarks>
    private List<Reply> Redact(IEnumerable<Reply> replies) => replies.Select(r => r.DeliveryId is null ? Redact(r) : r).ToList();

    /// <summary>What "what happened?" answers later, as it may be stored: redacted, at most 500 characters.</summary>
    private string Outcome(string text)
    {
        var redacted = _redactor.Redact(text)!;
        return redacted.Length > 500 ? redacted[..500] : redacted;
    }

    private Reply Redact(Reply r) => r with { Text = _redactor.Redact(r.Text)!, Attachment = _redactor.Redact(r.Attachment) };

    private static string? Clip(string? text) => text is { Length: > 1000 } ? text[..1000] + "…" : text;
}
