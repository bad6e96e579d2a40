using ChatOps.Core.Chat;
using ChatOps.Dialog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Cli.Hosting;

/// <summary>Settles conversations that wait on the clock, without waiting for someone to write: every <paramref name="interval"/> it expires
/// confirmations past their time and adopts or releases requests a killed process left Executing, and tells each thread what happened.</summary>
/// <remarks>The first sweep runs at start, so a restart settles what the previous process left behind as soon as it is due.</remarks>
public sealed partial class DialogSweepService(
    TurnHandler dialog, IChatAdapter chat, IEnumerable<IRunMessageObserver> observers, TimeProvider time, TimeSpan interval, ILogger<DialogSweepService> log)
    : BackgroundService
{
    /// <summary>One sweep: settles what is due and posts the replies; returns how many replies were posted.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        foreach (var thread in (await dialog.SweepDueAsync(cancellationToken).ConfigureAwait(false)).GroupBy(r => r.Key, r => r.Reply))
        {
            var sent = new List<Reply>();
            try
            {
                foreach (var reply in thread)
                {
                    var message = await chat.SendAsync(thread.Key, reply, null, cancellationToken).ConfigureAwait(false);
                    sent.Add(reply);
                    // why: an adopted run is announced here, outside any turn, so the tracker must be told where to keep it current
                    if (reply.RunId is { } runId && message is not null)
                    {
                        foreach (var observer in observers) await observer.RunMessagePostedAsync(runId, message, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // why: the replies not posted stay saved with the state; a later sweep posts them again (Dialog:RedeliverAfter)
                SweepReplyFailed(log, ex, thread.Key.ToString());
            }

            posted += sent.Count;
            try
            {
                await dialog.DeliveredAsync(thread.Key, Deliveries.Of(sent), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // why: they were posted; without the note a later sweep posts them once more, and the other threads still get theirs now
                SweepReplyFailed(log, ex, thread.Key.ToString());
            }
        }

        return posted;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var posted = await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
                if (posted > 0) Swept(log, posted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                SweepFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dialog sweep posted {Count} replies (expired confirmations, interrupted requests, replies no surface reported posted)")]
    private static partial void Swept(ILogger log, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dialog sweep failed; it runs again at the next tick")]
    private static partial void SweepFailed(ILogger log, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dialog sweep could not post to {Conversation}; its replies are saved and posted again in a minute")]
    private static partial void SweepReplyFailed(ILogger log, Exception ex, string conversation);
}
