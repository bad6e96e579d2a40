using ChatOps.Core.Execution;

namespace ChatOps.Executors.Tracking;

public sealed partial class RunTracker
{
    /// <summary>Edits the live message and, when the run just ended, posts the threaded note; a chat failure is logged, never thrown,
    /// because the status is already stored and the next change draws it again.</summary>
    private async Task DrawAsync(RunRecord run, bool finalNote, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        RunFailure? failure = null;
        if (run.Status == RunStatus.Failed)
        {
            try
            {
                failure = await _backends.FailureAsync(run, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                TrackingLog.NoFailureDetail(_log, ex, run.Id);
            }
        }

        try
        {
            if (run.Message is { } message)
            {
                await _chat.UpdateAsync(message, RunMessage.Live(run, failure, now), cancellationToken).ConfigureAwait(false);
            }

            if (finalNote)
            {
                await _chat.SendAsync(run.Conversation, RunMessage.Final(run, failure, now), run.Message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TrackingLog.ChatFailed(_log, ex, run.Id, run.Status);
        }
    }
}
