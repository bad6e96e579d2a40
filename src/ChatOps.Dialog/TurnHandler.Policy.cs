using ChatOps.Core.Audit;
using ChatOps.Core.Commands;
using ChatOps.Dialog.Policy;
using ChatOps.Dialog.Replies;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    /// <summary>
    /// The policy gate: every request of every surface passes here before it is planned, confirmed or run. A refusal drops the
    /// request, tells the person why and who could run it or grant it, and is written to the audit trail.
    /// </summary>
    private bool Authorize(TurnContext c, PendingRequest pending)
    {
        if (!InputIsValid(c, pending)) return false;
        var access = _policy.Authorize(pending.Command, c.Identity, EffectiveRef(pending.Command));
        Record(c, AuditKinds.Decision, access.Allowed ? "allowed" : "refused", access.Rule, access.Reason);
        if (access.Allowed) return true;
        c.Machine.TryFire(DialogTrigger.Drop);
        c.Replies.Add(Core.Chat.Reply.Plain(RefusalText(access, pending.Command, c.Language), c.Language));
        return false;
    }

    /// <summary>A message over Dialog:MaxMessageLength is not parsed at all: it is refused, and the refusal audited.</summary>
    private async Task<Core.Chat.Reply> RefuseOversizedAsync(Core.Chat.IncomingTurn turn, CancellationToken ct)
    {
        await AppendAsync(Refusal(turn, "message size", $"{turn.Text.Length} characters, limit {options.MaxMessageLength}"), ct);
        var language = Texts.LanguageOf(turn.Text[..Math.Min(200, turn.Text.Length)]);
        return Core.Chat.Reply.Plain(Texts.Get("TooLong", language, turn.Text.Length, options.MaxMessageLength), language);
    }

    /// <summary>Refuses (and audits) a request holding a value no backend should see; checked when the request starts and again before it runs.</summary>
    private static bool InputIsValid(TurnContext c, PendingRequest pending)
    {
        if (InputRules.Check(pending.Command) is not { } invalid) return true;
        Record(c, AuditKinds.Decision, "refused", "input: " + invalid.Slot, invalid.Why);
        c.Machine.TryFire(DialogTrigger.Drop);
        c.Say("InvalidInput", Texts.Get("Slot_" + invalid.Slot, c.Language), invalid.Why);
        return false;
    }

    private static string RefusalText(AccessDecision access, ChatCommand command, string language)
    {
        var summary = Summary(command);
        var lines = new List<string>();
        if (access.Rule.StartsWith("forbidden", StringComparison.Ordinal))
        {
            lines.Add(Texts.Get("Forbidden", language, summary, access.Reason));
        }
        else
        {
            lines.Add(Texts.Get("Refused", language, summary, access.Reason));
            if (access.WhoCan is { Count: > 0 } who) lines.Add(Texts.Get("RefusedWhoCan", language, string.Join(", ", who)));
        }

        lines.Add(access.Owners is { Count: > 0 } owners ? Texts.Get("RefusedAsk", language, string.Join(", ", owners)) : Texts.Get("RefusedAskMaintainers", language));
        return string.Join("\n", lines);
    }

    /// <summary>The ref the command will run at: its own, else the GitLab binding's default; null when only the backend knows.</summary>
    private string? EffectiveRef(ChatCommand command)
    {
        if (command.Slots.Ref is { } own) return own;
        if (command.Service is not { } service || command.Environment is not { } env) return null;
        return catalog.FindBinding(service, env)?.GitLab?.Ref;
    }
}
