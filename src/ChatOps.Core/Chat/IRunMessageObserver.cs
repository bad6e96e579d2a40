namespace ChatOps.Core.Chat;

/// <summary>Told where a reply carrying a <see cref="Reply.RunId"/> was posted, so the run tracker can edit that message later.</summary>
public interface IRunMessageObserver
{
    /// <summary>The reply for <paramref name="runId"/> now lives at <paramref name="message"/>.</summary>
    Task RunMessagePostedAsync(string runId, MessageRef message, CancellationToken cancellationToken);
}
