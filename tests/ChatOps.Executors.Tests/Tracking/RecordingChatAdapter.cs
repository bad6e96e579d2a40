using System.Collections.Concurrent;
using ChatOps.Core.Chat;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>A hand-written chat adapter that records every post and edit, and lets a test wait until the chat shows something.</summary>
public sealed class RecordingChatAdapter : IChatAdapter
{
    private readonly ConcurrentQueue<Sent> _sent = new();
    private readonly ConcurrentQueue<Edit> _edits = new();
    private int _next;

    /// <summary>Called on every edit, with the moment it happened (the benchmark's end mark).</summary>
    public Action<MessageRef, Reply>? OnUpdate { get; set; }

    public IReadOnlyList<Sent> Posts => _sent.ToArray();

    public IReadOnlyList<Edit> Edits => _edits.ToArray();

    public Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken)
    {
        var message = new MessageRef(conversation.Channel, $"m{Interlocked.Increment(ref _next)}", thread?.MessageId);
        _sent.Enqueue(new Sent(conversation, reply, thread, message));
        return Task.FromResult<MessageRef?>(message);
    }

    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
    {
        _edits.Enqueue(new Edit(message, reply));
        OnUpdate?.Invoke(message, reply);
        return Task.CompletedTask;
    }

    /// <summary>The edits of one run's live message, oldest first.</summary>
    public IReadOnlyList<string> EditsOf(string runId) => Edits.Where(e => e.Reply.RunId == runId).Select(e => e.Reply.Text).ToList();

    /// <summary>The final notes posted for one run.</summary>
    public IReadOnlyList<Sent> NotesOf(string runId) => Posts.Where(p => p.Reply.RunId == runId && p.Reply.Text.StartsWith("<@", StringComparison.Ordinal)).ToList();

    /// <summary>Waits (real time) until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    public sealed record Sent(ConversationKey Conversation, Reply Reply, MessageRef? Thread, MessageRef Message);

    public sealed record Edit(MessageRef Message, Reply Reply);
}
