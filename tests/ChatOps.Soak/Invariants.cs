using ChatOps.Core.Execution;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Soak;

/// <summary>The four promises of the bot, checked against what the backends hold, what the bot's store says and what chat shows.</summary>
internal static class Invariants
{
    /// <summary>One invariant: its name and every violation found, each in one line.</summary>
    public sealed record Check(string Name, IReadOnlyList<string> Violations);

    public static IReadOnlyList<Check> Evaluate(Ledger ledger, PipelineCensus census, IReadOnlyList<RunRecord> runs, SlackEmulator slack)
    {
        var byKey = census.ByKey;
        var runIds = runs.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return
        [
            new Check("every confirmed request executed exactly once", ExactlyOnce(ledger, byKey, runIds, slack)),
            new Check("nothing executed unconfirmed", NothingUnconfirmed(ledger, census, runs)),
            new Check("no conversation lost", [.. ledger.Lost, .. Stalled(ledger, slack)]),
            new Check("every run reached a terminal state in chat", Terminal(ledger, byKey, runs, runIds, slack)),
        ];
    }

    /// <summary>A run's message shows its end: "passed in", "failed after" or "cancelled after" (RunMessage.State).</summary>
    public static bool ShowsEnd(SlackStoredMessage? message) =>
        message is not null && (message.BlockText.Contains("passed in", StringComparison.Ordinal) || message.BlockText.Contains("failed after", StringComparison.Ordinal)
            || message.BlockText.Contains("cancelled after", StringComparison.Ordinal));

    /// <summary>A thread told "already running" is lost unless it later shows what happened: for an action, a run announced or ended, or the bot saying
    /// it restarted while starting it; for a lookup, any answer that is not "already running".</summary>
    public static IEnumerable<string> Stalled(Ledger ledger, SlackEmulator slack) =>
        ledger.Stalled
            .Where(s => !slack.BotReplies(s.Channel, s.Thread).Any(m => Settles(m, lookup: s.What is "pods" or "logs")))
            .Select(s => $"{s.What}: {s.Channel}/{s.Thread} was told \"already running\" after a restart, and nothing ever ran or answered");

    private static bool Settles(SlackStoredMessage m, bool lookup) =>
        lookup ? !m.BlockText.Contains("will not run twice", StringComparison.Ordinal) && !m.BlockText.Contains("不会重复执行", StringComparison.Ordinal)
            : ShowsEnd(m) || m.BlockText.Contains("pipeline #", StringComparison.Ordinal) || m.BlockText.Contains("Restarting deployment", StringComparison.Ordinal)
              || SaysInterrupted(m);

    /// <summary>The bot's "I restarted while starting …; I will not start it again on my own" (Stranded), in either language.</summary>
    private static bool SaysInterrupted(SlackStoredMessage m) =>
        m.BlockText.Contains("I restarted while starting", StringComparison.Ordinal) || m.BlockText.Contains("时重启了，无法确定", StringComparison.Ordinal);

    private static List<string> ExactlyOnce(Ledger ledger, ILookup<string, PipelineCensus.Pipeline> byKey, Dictionary<string, RunRecord> runIds, SlackEmulator slack)
    {
        var violations = new List<string>();
        foreach (var group in byKey.Where(g => g.Count() > 1))
        {
            violations.Add($"request {group.Key} has {group.Count()} pipelines: {string.Join(", ", group.Select(p => $"{p.Project}#{p.Id}"))}");
        }

        foreach (var (key, answer) in ledger.Confirmed)
        {
            var pipelines = byKey[key].Count();
            var ran = pipelines > 0 || runIds.ContainsKey(key);
            // why: a bot that says it could not start the request has kept its promise; one that says nothing, or says started, must have run it
            var saidFailed = answer != "started" && answer != "pressed, no answer" && !answer.Contains("already", StringComparison.OrdinalIgnoreCase) && !answer.Contains("已经", StringComparison.Ordinal);
            // why: a confirm cut off by a kill is answered later in its thread, when the bot settles the interrupted request
            saidFailed = saidFailed || ledger.ConfirmThreads.TryGetValue(key, out var thread) && slack.BotReplies(thread.Channel, thread.Ts).Any(SaysInterrupted);
            if (!ran && !saidFailed) violations.Add($"request {key} was confirmed ({Short(answer)}) and never executed");
        }

        return violations;
    }

    private static List<string> NothingUnconfirmed(Ledger ledger, PipelineCensus census, IReadOnlyList<RunRecord> runs)
    {
        var violations = new List<string>();
        foreach (var p in census.Pipelines)
        {
            if (p.Key is null) violations.Add($"pipeline {p.Project}#{p.Id} carries no request key");
            else if (ledger.Cancelled.ContainsKey(p.Key)) violations.Add($"pipeline {p.Project}#{p.Id} runs cancelled request {p.Key}");
            else if (p.Environment == "prod" && !ledger.Confirmed.ContainsKey(p.Key)) violations.Add($"prod pipeline {p.Project}#{p.Id} runs request {p.Key}, never confirmed");
        }

        foreach (var run in runs)
        {
            if (ledger.Cancelled.ContainsKey(run.Id)) violations.Add($"run {run.Id} ({run.Summary}) was cancelled in chat");
            else if (run.Backend == "kubernetes" && !ledger.Confirmed.ContainsKey(run.Id)) violations.Add($"restart {run.Id} ({run.Summary}) was never confirmed");
        }

        return violations;
    }

    private static List<string> Terminal(Ledger ledger, ILookup<string, PipelineCensus.Pipeline> byKey, IReadOnlyList<RunRecord> runs,
        Dictionary<string, RunRecord> runIds, SlackEmulator slack)
    {
        var violations = new List<string>();
        foreach (var group in byKey.Where(g => !runIds.ContainsKey(g.Key)))
        {
            violations.Add($"pipeline {group.First().Project}#{group.First().Id} (request {group.Key}) is not followed by the bot");
        }

        foreach (var run in runs)
        {
            if (!run.Status.IsTerminal()) violations.Add($"run {run.Id} ({run.Summary}) is still {run.Status}");
            else if (run.Message is null) violations.Add($"run {run.Id} ({run.Summary}) ended {run.Status} but its announcement was never attached" + NoteSeen(run, slack));
            else if (!ShowsEnd(slack.Find(run.Message.Channel, run.Message.MessageId))) violations.Add($"run {run.Id} ({run.Summary}) ended {run.Status} but its message does not show it");
        }

        foreach (var (channel, ts, what) in ledger.Announced)
        {
            if (!ShowsEnd(slack.Find(channel, ts))) violations.Add($"{what}: the message {channel}/{ts} never showed the run's end: '{Short(slack.Find(channel, ts)?.BlockText ?? "")}'");
        }

        return violations;
    }

    /// <summary>Whether the threaded final note ("&lt;@user&gt; … passed in 3s") reached the conversation even so.</summary>
    private static string NoteSeen(RunRecord run, SlackEmulator slack) =>
        slack.BotReplies(run.Conversation.Channel, run.Conversation.Thread).Any(m => m.BlockText.Contains(run.Summary, StringComparison.Ordinal) && ShowsEnd(m))
            ? " (the final note did reach the thread)"
            : " (and no final note reached the thread)";

    private static string Short(string text) => text.Length <= 120 ? text.ReplaceLineEndings(" ") : text[..120].ReplaceLineEndings(" ") + "…";
}
