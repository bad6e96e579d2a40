using System.Text.RegularExpressions;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Replies;
using ChatOps.Dialog.Slots;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    /// <summary>Longer than one backend call normally takes (with its retries); past it, "already running" says when the sweep will check.</summary>
    private static readonly TimeSpan SlowExecution = TimeSpan.FromSeconds(15);

    [GeneratedRegex(@"^\s*(same as (last time|before)|do (it|that) again|repeat (that|the last( one)?|last command)|again|和上次一样|跟上次一样|同上|再来一次|再执行一次)\s*[.!。！]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RepeatPhrase();

    private async Task DecideAsync(TurnContext c, CancellationToken ct)
    {
        var expiredNow = ExpireIfDue(c);
        if (c.Turn.ActionId is { } action)
        {
            await HandleActionAsync(c, action, ct);
            return;
        }

        if (c.Turn.Command is { } typed)
        {
            await StartTypedAsync(c, typed, ct);
            return;
        }

        var text = c.Turn.Text.Trim();
        if (text.Length == 0) return;
        if (RepeatPhrase().IsMatch(text))
        {
            await RepeatLastAsync(c, ct);
            return;
        }

        var parse = parser.Parse(text);
        var state = c.Conversation.State;
        if (expiredNow && parse.Intent is Core.Commands.IntentNames.DialogConfirm or Core.Commands.IntentNames.DialogDeny) return;
        switch (state)
        {
            case DialogState.CollectingDetails: await AnswerDetailAsync(c, parse, ct); break;
            case DialogState.Clarifying: await AnswerClarificationAsync(c, parse, ct); break;
            case DialogState.AwaitingConfirmation: await AnswerConfirmationAsync(c, parse, ct); break;
            case DialogState.AwaitingApproval: AnswerApproval(c, parse); break;
            case DialogState.Executing when IsStranded(c): await ReleaseStrandedAsync(c, ct); break;
            case DialogState.Executing: SayStillExecuting(c); break;
            default: await HandleNewAsync(c, parse, ct); break;
        }
    }

    /// <summary>Executing for longer than any execution takes: the process that ran it died between saving Executing and saving the outcome.</summary>
    private bool IsStranded(TurnContext c) =>
        c.Conversation.Pending is { } p && time.GetUtcNow() - (p.StartedAt ?? p.CreatedAt) > options.StrandedAfter;

    /// <summary>"Already running"; once it has been running longer than a backend call takes, also when the sweep will check on it.</summary>
    private void SayStillExecuting(TurnContext c)
    {
        if (c.Conversation.Pending is { } p && DueAt(c.Conversation) is { } due && time.GetUtcNow() - (p.StartedAt ?? p.CreatedAt) > SlowExecution)
        {
            c.Say("ExecutingCheckBy", due.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        c.Say("AlreadyHandled", Texts.Get("State_Executing", c.Language));
    }

    /// <summary>Settles a stranded conversation through the executor's recovery: the run the request started is adopted, a request the backend shows
    /// never started is started now while its confirmation is fresh, a lookup is answered again; otherwise it is freed as Failed and the thread told why.
    /// Nothing already started is ever started again.</summary>
    private async Task ReleaseStrandedAsync(TurnContext c, CancellationToken ct)
    {
        var pending = c.Conversation.Pending!;
        var action = Policy.ActionPolicy.IsAction(pending.Command.Intent);
        if (await RecoverAsync(c, pending, ct) is { } recovered && c.Machine.TryFire(DialogTrigger.Finish))
        {
            c.Changed = true;
            c.Conversation.LastOutcome = Outcome(recovered.Text);
            Record(c, Core.Audit.AuditKinds.Result, "recovered", "after a restart: " + recovered.Text.Split('\n', 2)[0]);
            if (!action) c.Say("StrandedLookupAnswer", Summary(pending.Command));
            c.Replies.Add(new Reply(recovered.Text, [], c.Language, Attachment: recovered.Attachment, RunId: recovered.Run is null ? null : pending.Id));
            return;
        }

        if (!c.Machine.TryFire(DialogTrigger.Fail)) return;
        c.Changed = true;
        c.Conversation.LastOutcome = "interrupted: the bot restarted while starting it";
        Record(c, Core.Audit.AuditKinds.Result, "interrupted", "the bot restarted between starting the request and recording its outcome");
        if (action) c.Say("Stranded", Summary(pending.Command), pending.Id);
        else c.Say("StrandedLookup", Summary(pending.Command));
    }

    /// <summary>Asks the executor, in recovery mode, what became of an interrupted request; null when it could not settle it (nothing found, or it cannot tell).</summary>
    private async Task<ExecutionResult?> RecoverAsync(TurnContext c, PendingRequest pending, CancellationToken ct)
    {
        var fresh = time.GetUtcNow() - (pending.StartedAt ?? pending.CreatedAt) <= options.Policy.ConfirmationTimeout;
        var request = new ExecutionRequest(pending.Command, new IdempotencyKey(pending.Id), pending.RequesterId, pending.ApprovedBy, c.Turn.Key, c.Turn.Source,
            Recovering: true, MayResume: fresh, StartedAt: pending.StartedAt ?? pending.CreatedAt);
        try
        {
            return await executor.ExecuteAsync(request, ct) is { Succeeded: true } found ? found : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A pending confirmation past its time becomes Expired, whatever the turn was.</summary>
    private bool ExpireIfDue(TurnContext c)
    {
        var pending = c.Conversation.Pending;
        if (pending?.ExpiresAt is not { } expires || time.GetUtcNow() < expires) return false;
        if (!c.Machine.TryFire(DialogTrigger.Expire)) return false;
        c.Changed = true;
        Record(c, Core.Audit.AuditKinds.Expiry, "expired", "not confirmed before " + expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        c.Say("Expired", expires.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private async Task HandleNewAsync(TurnContext c, ParseResult parse, CancellationToken ct)
    {
        switch (parse.Intent)
        {
            case IntentNames.OutOfScope: SayNotUnderstood(c, parse); return;
            case IntentNames.Greet: c.Say(IsThanks(parse.Text) ? "Thanks" : "Greet"); return;
            case IntentNames.Help: c.Replies.Add(HelpWriter.Write(HelpTopic(parse), HelpIntents, c.Language)); return;
            case IntentNames.DialogConfirm or IntentNames.DialogDeny: c.Say("NothingPending"); return;
            case IntentNames.ContextShow: await ShowContextAsync(c, ct); return;
            case IntentNames.ContextSet: await SetContextAsync(c, parse, ct); return;
            case IntentNames.AuditQuery when parse.Confidence >= options.MinimumConfidence: await AnswerAuditQueryAsync(c, parse, ct); return;
        }

        var commands = parse.Scores.Where(s => IntentDefinitions.Find(s.Intent) is not null).Take(2).ToList();
        if (parse.Confidence < options.MinimumConfidence)
        {
            SayNotUnderstood(c, parse);
            return;
        }

        if (commands.Count == 2 && commands[0].Intent == parse.Intent && commands[0].Score - commands[1].Score < options.ClarifyMargin)
        {
            AskClarification(c, parse, commands[0].Intent, commands[1].Intent);
            return;
        }

        await StartRequestAsync(c, parse.Intent, parse.Entities, forceConfirmation: false, ct);
    }

    /// <summary>What help lists: the executor's intents, and the audit question when a trail is kept.</summary>
    private IReadOnlySet<string> HelpIntents => audit is null ? executor.SupportedIntents : new HashSet<string>(executor.SupportedIntents) { IntentNames.AuditQuery };

    [GeneratedRegex(@"^\s*(@\S+\s+)?(help( me)?( with)?|how (do|can|would|should) (i|we|you)|how to|what'?s the (command|syntax) (for|to)|怎么|如何|怎样|咋)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex HowTo();

    /// <summary>For "how do I roll back?", the parse of "roll back?": the command the question is about.</summary>
    private ParseResult? HelpTopic(ParseResult parse)
    {
        var rest = HowTo().Replace(parse.Text, "").Trim();
        if (rest.Length == 0 || rest.Length == parse.Text.Trim().Length) return null;
        var topic = parser.Parse(rest);
        return topic.Confidence >= 0.3f ? topic : null;
    }

    private static bool IsThanks(string text) =>
        Regex.IsMatch(text, @"thank|thx|\bty\b|cheers|appreciate|谢|辛苦|感谢", RegexOptions.IgnoreCase);

    private void SayNotUnderstood(TurnContext c, ParseResult parse)
    {
        var closest = parse.Scores.Where(s => IntentDefinitions.Find(s.Intent) is not null && executor.SupportedIntents.Contains(s.Intent)).Take(2).ToList();
        var isNearMiss = parse.Intent != IntentNames.OutOfScope || (closest.Count > 0 && closest[0].Score >= 0.2f);
        if (!isNearMiss || closest.Count == 0)
        {
            c.Say("OutOfScope");
            return;
        }

        var suggestions = closest.Select(s => $"*{s.Intent}* (`{Texts.Examples(s.Intent, c.Language).First}`)");
        c.Say("NotSure", string.Join($" {Texts.Get("Or", c.Language)} ", suggestions));
    }

    private void AskClarification(TurnContext c, ParseResult parse, string first, string second)
    {
        c.Conversation.Pending = NewPending(c, new ChatCommand(first, parse.Entities));
        c.Conversation.CandidateIntents = [first, second];
        c.Conversation.CandidateEntities = parse.Entities;
        c.Machine.TryFire(DialogTrigger.Clarify);
        c.Changed = true;
        Record(c, Core.Audit.AuditKinds.Question, "asked", $"clarify {first} or {second}", parse.Text);
        c.Replies.Add(new Core.Chat.Reply(
            Texts.Get("Clarify", c.Language, first, second),
            [new(first, "intent:" + first), new(second, "intent:" + second)],
            c.Language));
    }

    private PendingRequest NewPending(TurnContext c, ChatCommand command) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..12],
        Command = command,
        RequesterId = c.User,
        CreatedAt = time.GetUtcNow(),
    };
}
