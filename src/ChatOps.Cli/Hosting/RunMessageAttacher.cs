using ChatOps.Core.Chat;
using ChatOps.Executors.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Cli.Hosting;

/// <summary>Tells the run tracker where an adapter posted the reply announcing a run, so its status edits land on that message.</summary>
/// <remarks>Resolves the tracker at first use: the tracker needs the chat adapter, and the adapter needs this observer.</remarks>
public sealed class RunMessageAttacher(IServiceProvider services) : IRunMessageObserver
{
    private readonly Lazy<RunTracker> _tracker = new(services.GetRequiredService<RunTracker>);

    /// <inheritdoc />
    public Task RunMessagePostedAsync(string runId, MessageRef message, CancellationToken cancellationToken) =>
        _tracker.Value.AttachMessageAsync(runId, message, cancellationToken);
}
