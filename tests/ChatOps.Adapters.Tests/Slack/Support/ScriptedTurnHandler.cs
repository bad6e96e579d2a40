using System.Collections.Concurrent;
using System.Globalization;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Tests.Slack.Support;

/// <summary>
/// A tiny dialog for adapter tests: "deploy …" asks "Which environment?" (uat / prod), a choice asks to confirm (danger for prod),
/// Confirm says "done" (only the requester may confirm), Cancel says "cancelled". Drops a repeated EventId, as the real handler does.
/// </summary>
public sealed class ScriptedTurnHandler : ITurnHandler
{
    private readonly ConcurrentDictionary<string, byte> _events = new();
    private readonly ConcurrentDictionary<ConversationKey, string> _requesters = new();

    public ConcurrentQueue<IncomingTurn> Turns { get; } = new();

    public ConcurrentQueue<(ConversationKey Key, string Environment)> Executed { get; } = new();

    /// <summary>The delivery ids the router reported posted, with their conversation. Every visible reply gets one, as the dialog's do.</summary>
    public ConcurrentQueue<(ConversationKey Key, string DeliveryId)> Delivered { get; } = new();

    public Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        if (turn.EventId is { } id && !_events.TryAdd(id, 0)) return Task.FromResult<IReadOnlyList<Reply>>([]);
        Turns.Enqueue(turn);
        return Task.FromResult<IReadOnlyList<Reply>>([.. Decide(turn).Select(r => r.Ephemeral ? r : r with { DeliveryId = r.Text })]);
    }

    public Task DeliveredAsync(ConversationKey conversation, IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken)
    {
        foreach (var id in deliveryIds) Delivered.Enqueue((conversation, id));
        return Task.CompletedTask;
    }

    private IReadOnlyList<Reply> Decide(IncomingTurn turn)
    {
        switch (turn.ActionId)
        {
            case { } choice when choice.StartsWith("choice:env:", StringComparison.Ordinal):
                return [Confirm(choice["choice:env:".Length..])];
            case { } confirm when confirm.StartsWith("confirm:", StringComparison.Ordinal):
                if (_requesters.GetValueOrDefault(turn.Key) is { } requester && requester != turn.UserId)
                {
                    return [new Reply($"Only <@{requester}> can confirm.", [], Ephemeral: true)];
                }

                Executed.Enqueue((turn.Key, confirm["confirm:".Length..]));
                return [Reply.Plain("done")];
            case { } cancel when cancel.StartsWith("cancel:", StringComparison.Ordinal):
                return [Reply.Plain("cancelled")];
        }

        var text = turn.Text;
        if (text.StartsWith("deploy", StringComparison.Ordinal))
        {
            _requesters[turn.Key] = turn.UserId;
            return [new Reply("Which environment?", [new ReplyButton("uat", "choice:env:uat"), new ReplyButton("prod", "choice:env:prod")])];
        }

        if (text is "uat" or "prod") return [Confirm(text)];
        if (text.StartsWith("echo ", StringComparison.Ordinal)) return [Reply.Plain("you said: " + text[5..])];
        if (text == "fail") throw new InvalidOperationException("the handler broke");
        if (text.StartsWith("log ", StringComparison.Ordinal) && int.TryParse(text[4..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)) return [new Reply("Here is the log.", [], Attachment: Log(count))];
        if (text == "long") return [new Reply("Here is the log.", [], Attachment: string.Join('\n', Enumerable.Range(1, 2000).Select(i => $"line {i}")))];
        return [Reply.Plain("I did not understand.")];
    }

    /// <summary>A log of <paramref name="lines"/> numbered lines, as long output to attach.</summary>
    public static string Log(int lines) => string.Join('\n', Enumerable.Range(1, lines).Select(i => $"step {i}: ok <done> & logged"));

    private static Reply Confirm(string environment) => new(
        $"Deploy *checkout* to `{environment}`?",
        [new ReplyButton("Confirm", "confirm:" + environment, environment == "prod" ? ButtonStyle.Danger : ButtonStyle.Primary), new ReplyButton("Cancel", "cancel:" + environment)]);
}
