using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Core.Audit;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Replies;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    private const int AuditReplyRows = 10;

    [GeneratedRegex(@"\b(today|this morning)\b|今天|今日", RegexOptions.IgnoreCase)]
    private static partial Regex TodayWords();

    [GeneratedRegex(@"\byesterday\b|昨天", RegexOptions.IgnoreCase)]
    private static partial Regex YesterdayWords();

    [GeneratedRegex(@"<@([A-Za-z0-9._-]+)>|\b(?:did|by)\s+@?([a-z][A-Za-z0-9._-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ActorWords();

    private static readonly HashSet<string> NotActors = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "it", "that", "this", "the", "anyone", "anybody", "someone", "somebody", "we", "you", "i", "they", "deploy", "restart", "run", "rollback", "roll", "scale",
    };

    private static readonly (Regex Words, string Intent)[] IntentWords =
    [
        (new(@"roll(ed)?\s*back|回滚", RegexOptions.IgnoreCase), IntentNames.Rollback),
        (new(@"\bdeploy|\bship|\breleas|发布|部署|上线", RegexOptions.IgnoreCase), IntentNames.Deploy),
        (new(@"\brestart|重启", RegexOptions.IgnoreCase), IntentNames.K8sRestart),
        (new(@"\bscal(e|ed|ing)\b|扩容|缩容", RegexOptions.IgnoreCase), IntentNames.K8sScale),
        (new(@"\bcancel", RegexOptions.IgnoreCase), IntentNames.PipelineCancel),
    ];

    /// <summary>"who deployed checkout to prod today?": the execution rows of the audit trail that match, newest first.</summary>
    private async Task AnswerAuditQueryAsync(TurnContext c, ParseResult parse, CancellationToken ct)
    {
        if (!c.Conversation.State.IsIdleLike())
        {
            c.Machine.TryFire(DialogTrigger.Drop);
            c.Changed = true;
        }

        var command = new ChatCommand(IntentNames.AuditQuery, parse.Entities);
        var access = _policy.Authorize(command, c.Identity, null);
        c.AuditEvents.Add(new AuditEvent(AuditKinds.Query, c.User, c.Turn.Key.ToString(), Service: command.Service, Environment: command.Environment,
            Outcome: access.Allowed ? "allowed" : "refused", Rule: access.Rule, Detail: parse.Text));
        if (!access.Allowed)
        {
            c.Replies.Add(Core.Chat.Reply.Plain(RefusalText(access, command, c.Language), c.Language));
            return;
        }

        if (audit is null)
        {
            c.Say("AuditOff");
            return;
        }

        var filter = AuditFilterFor(parse);
        var rows = await audit.QueryAsync(filter, ct);
        var scope = DescribeFilter(filter);
        if (rows.Count == 0)
        {
            c.Say("AuditNone", scope);
            return;
        }

        var lines = rows.Select(r => $"• {r.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} <@{r.Event.Actor}> {AuditLine(r.Event)}");
        c.Replies.Add(Core.Chat.Reply.Plain(Texts.Get("AuditHeader", c.Language, scope) + "\n" + string.Join("\n", lines), c.Language));
    }

    /// <summary>The filter a question asks for: its service and environment, a time window ("today", "in the last 2 hours"), a person, a kind of action.</summary>
    internal AuditFilter AuditFilterFor(ParseResult parse)
    {
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        DateTimeOffset? since = parse.Entities.Since is { } seconds ? now.AddSeconds(-seconds) : null;
        DateTimeOffset? until = null;
        if (TodayWords().IsMatch(parse.Text)) since = today;
        if (YesterdayWords().IsMatch(parse.Text)) (since, until) = (today.AddDays(-1), today);
        var actor = ActorWords().Matches(parse.Text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).FirstOrDefault(a => !NotActors.Contains(a));
        return new AuditFilter
        {
            Kind = AuditKinds.Execution,
            Service = parse.Entities.Service,
            Environment = parse.Entities.Environment,
            Intent = IntentWords.FirstOrDefault(w => w.Words.IsMatch(parse.Text)).Intent,
            Actor = actor,
            Since = since,
            Until = until,
            Limit = AuditReplyRows,
        };
    }

    private static string DescribeFilter(AuditFilter f)
    {
        var parts = new[] { f.Intent, f.Service, f.Environment is null ? null : "→ " + f.Environment, f.Actor is null ? null : "by " + f.Actor }.Where(p => p is not null).ToList();
        if (f.Since is { } s) parts.Add("since " + s.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
        if (f.Until is { } u) parts.Add("before " + u.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    private static string AuditLine(AuditEvent e)
    {
        var target = string.Join(' ', new[] { e.Intent, e.Service, e.Environment is null ? null : "→ " + e.Environment, e.Ref is null ? null : "@ " + e.Ref }.Where(p => p is not null));
        return $"{target} ({e.Outcome}{(e.Rule is null ? "" : "; " + e.Rule)})";
    }
}
