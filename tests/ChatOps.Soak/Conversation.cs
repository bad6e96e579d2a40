using System.Diagnostics;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Soak;

/// <summary>
/// One thread between a person and the bot. Each turn waits for the bot's answer; a person who gets none writes again
/// in the thread, or presses the button again (Slack never redelivers a button press; it redelivers unacknowledged events itself).
/// </summary>
internal sealed class Conversation(SlackEmulator slack, SlackScriptedUser user, string channel, Ledger ledger, SoakOptions options)
{
    public string? ThreadTs { get; private set; }

    public string Channel => channel;

    /// <summary>Writes <paramref name="text"/> (a new thread the first time) and returns the bot's answer, or null when none came after every try.</summary>
    public async Task<Answer?> SayAsync(string text, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; attempt < options.Attempts; attempt++)
        {
            if (attempt > 0) ledger.Retry();
            var before = Answers();
            try
            {
                var delivery = await user.MentionAsync(channel, text, ThreadTs);
                ThreadTs ??= delivery.MessageTs;
            }
            catch (TimeoutException)
            {
                // why: no socket was open for 10 s (the bot is down); the message is in the channel all the same
                ThreadTs ??= slack.Messages(channel).LastOrDefault(m => m.User == user.Id && m.ThreadTs is null)?.Ts;
            }

            if (await AnswerAsync(before, cancellationToken) is { } reply)
            {
                ledger.Turn(Stopwatch.GetElapsedTime(started), attempt == 0);
                return reply;
            }
        }

        ledger.Unanswered();
        return null;
    }

    /// <summary>Presses the button whose action id starts with <paramref name="actionPrefix"/>; if nothing answers, presses it again while it is shown, else types <paramref name="typed"/>.</summary>
    public async Task<Answer?> ClickAsync(SlackStoredMessage prompt, string actionPrefix, string typed, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; attempt < options.Attempts; attempt++)
        {
            if (attempt > 0) ledger.Retry();
            var before = Answers();
            var shown = slack.Find(prompt.Channel, prompt.Ts) is { } current ? ButtonOf(current, actionPrefix) : null;
            try
            {
                if (shown is not null) await user.ClickAsync(slack.Find(prompt.Channel, prompt.Ts)!, shown);
                else await user.MentionAsync(channel, typed, ThreadTs);
            }
            catch (TimeoutException)
            {
            }

            if (await AnswerAsync(before, cancellationToken) is { } reply)
            {
                ledger.Turn(Stopwatch.GetElapsedTime(started), attempt == 0);
                return reply;
            }
        }

        ledger.Unanswered();
        return null;
    }

    /// <summary>The action id of the first button starting with the prefix, or null.</summary>
    public static string? ButtonOf(SlackStoredMessage message, string actionPrefix) =>
        message.Buttons.Select(b => b["action_id"]?.GetValue<string>()).FirstOrDefault(id => id is not null && id.StartsWith(actionPrefix, StringComparison.Ordinal));

    private (int Visible, int Ephemeral) Answers() => ThreadTs is null ? (0, 0) : (slack.BotReplies(channel, ThreadTs).Count, Ephemerals());

    private int Ephemerals() => MyEphemerals().Count();

    private IEnumerable<SlackApiCall> MyEphemerals() => slack.Ephemerals.Where(e => e.Arg("user") == user.Id && e.Arg("thread_ts") == ThreadTs);

    private async Task<Answer?> AnswerAsync((int Visible, int Ephemeral) before, CancellationToken cancellationToken)
    {
        try
        {
            var (visible, _) = await slack.WaitForAsync<(int, int)?>(() =>
            {
                if (ThreadTs is null) return null;
                var now = Answers();
                return now.Visible > before.Visible || now.Ephemeral > before.Ephemeral ? now : null;
            }, options.ReplyTimeout, "an answer").WaitAsync(cancellationToken) ?? default;
            if (visible > before.Visible)
            {
                var message = slack.BotReplies(channel, ThreadTs)[before.Visible];
                return new Answer(message.BlockText, message);
            }

            return new Answer(MyEphemerals().ElementAtOrDefault(before.Ephemeral)?.Arg("text") ?? "(ephemeral)", null);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
