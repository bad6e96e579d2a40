using System.Diagnostics;
using ChatOps.Core.Chat;
using ChatOps.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ChatOps.Cli.Hosting;

/// <summary>Wraps the dialog: every log line of a turn carries its conversation as the correlation id, and turns, questions and
/// confirmations are counted for <c>/metrics</c> from what went in and what came out.</summary>
public sealed class ObservedTurnHandler(ITurnHandler inner, ILogger<ObservedTurnHandler> log) : ITurnHandler
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        using var scope = log.BeginScope(new Dictionary<string, object?> { ["conversation"] = turn.Key.ToString(), ["user"] = turn.UserId, ["event"] = turn.EventId });
        var started = Stopwatch.GetTimestamp();
        var replies = await inner.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        BotMetrics.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        BotMetrics.Messages.Add(1, new KeyValuePair<string, object?>("kind", turn.ActionId is null ? "text" : "button"));
        if (turn.ActionId is { } action && Prefix(action) is "confirm" or "cancel" or "approve" or "reject")
        {
            BotMetrics.Confirmations.Add(1, new KeyValuePair<string, object?>("outcome", Prefix(action)));
        }

        foreach (var prefix in replies.SelectMany(r => r.Buttons).Select(b => Prefix(b.ActionId)).Distinct())
        {
            if (prefix == "confirm") BotMetrics.Confirmations.Add(1, new KeyValuePair<string, object?>("outcome", "asked"));
            else if (prefix == "choice") BotMetrics.Questions.Add(1);
        }

        return replies;
    }

    /// <inheritdoc />
    public Task DeliveredAsync(ConversationKey conversation, IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken) =>
        inner.DeliveredAsync(conversation, deliveryIds, cancellationToken);

    private static string Prefix(string actionId) => actionId.Split(':', 2)[0];
}
