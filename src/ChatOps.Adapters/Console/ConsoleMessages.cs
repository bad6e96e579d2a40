using System.Collections.Concurrent;
using System.Globalization;
using ChatOps.Core.Chat;
using Spectre.Console;

namespace ChatOps.Adapters.Console;

/// <summary>
/// The console's <see cref="IChatAdapter"/>: numbers every bot message, reports where a reply announcing a run landed, and prints the run
/// tracker's later edits (<c>↻ #3 …</c>) and threaded notes (<c>↳ #3 …</c>) as new lines, because a terminal cannot edit what scrolled by.
/// </summary>
public sealed class ConsoleMessages(IAnsiConsole console, IEnumerable<IRunMessageObserver> observers) : IChatAdapter
{
    private readonly Lock _gate = new();
    private readonly ConsoleRenderer _renderer = new(console);
    private readonly ConcurrentDictionary<string, byte> _activeRuns = new(StringComparer.Ordinal);
    private TaskCompletionSource _runEnded = NewSignal();
    private int _messages;

    /// <summary>How many runs announced in this console have not yet posted their final note.</summary>
    public int ActiveRuns => _activeRuns.Count;

    /// <summary>Writes the replies of a turn (serialised with background updates) and returns their buttons in numbered order.</summary>
    public async Task<IReadOnlyList<ReplyButton>> ShowTurnAsync(IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        IReadOnlyList<ReplyButton> buttons;
        var announced = new List<(string RunId, MessageRef Message)>();
        lock (_gate)
        {
            buttons = _renderer.Render(replies);
            foreach (var runId in replies.Select(r => r.RunId).OfType<string>())
            {
                var message = NextMessage(null);
                console.MarkupLine($"    [grey]message #{message.MessageId}: its progress follows below[/]");
                _activeRuns.TryAdd(runId, 0);
                announced.Add((runId, message));
            }
        }

        foreach (var (runId, message) in announced) await NotifyAsync(runId, message, cancellationToken).ConfigureAwait(false);
        return buttons;
    }

    /// <inheritdoc />
    public Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        MessageRef message;
        lock (_gate)
        {
            message = NextMessage(thread);
            var under = thread is null ? "" : $"↳ #{thread.MessageId} ";
            console.MarkupLine("[green]bot[/] [grey]" + Markup.Escape(under) + "[/]" + ConsoleRenderer.ToMarkup(reply.Text));
        }

        // why: the tracker sends only a run's final note outside a turn, threaded under the live message when it has one
        if (reply.RunId is { } runId && _activeRuns.TryRemove(runId, out _)) Signal();
        return Task.FromResult<MessageRef?>(message);
    }

    /// <inheritdoc />
    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reply);
        lock (_gate) console.MarkupLine($"[green]bot[/] [grey]↻ #{Markup.Escape(message.MessageId)}[/] " + ConsoleRenderer.ToMarkup(reply.Text));
        return Task.CompletedTask;
    }

    /// <summary>Waits until every run announced here has posted its final note, or <paramref name="timeout"/> passes; true when none is left.</summary>
    public async Task<bool> WaitForRunsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (!_activeRuns.IsEmpty)
        {
            var ended = Volatile.Read(ref _runEnded).Task;
            if (_activeRuns.IsEmpty) break;
            try
            {
                await ended.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    private MessageRef NextMessage(MessageRef? thread) =>
        new("console", (++_messages).ToString(CultureInfo.InvariantCulture), thread?.ThreadId ?? thread?.MessageId);

    private void Signal() => Interlocked.Exchange(ref _runEnded, NewSignal()).TrySetResult();

    private async Task NotifyAsync(string runId, MessageRef message, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.RunMessagePostedAsync(runId, message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                lock (_gate) console.MarkupLine($"    [grey]live updates for this run are unavailable ({Markup.Escape(ex.Message)}); ask `what's running?` later[/]");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
