namespace ChatOps.Core.Execution;

/// <summary>What an execution produced: a chat-ready text, success, and for long runs the backend run it started.</summary>
public sealed record ExecutionResult(bool Succeeded, string Text, RunHandle? Run = null, string? Attachment = null)
{
    /// <summary>A refused execution: the key was already claimed, so nothing ran.</summary>
    public static ExecutionResult AlreadyClaimed(IdempotencyKey key) => new(false, $"This request ({key}) has already been executed; it will not run twice.");
}
