namespace ChatOps.Adapters.Api;

/// <summary>The body of <c>POST /api/commands</c> (docs/policy.md): text as typed in chat, a typed command, or a button action, in a conversation.</summary>
public sealed record CommandRequest
{
    /// <summary>Plain language, exactly as in chat ("deploy checkout to uat", "yes").</summary>
    public string? Text { get; init; }

    /// <summary>A typed command instead of text.</summary>
    public TypedCommand? Command { get; init; }

    /// <summary>A button's action id from an earlier reply ("confirm:3f2a…").</summary>
    public string? Action { get; init; }

    /// <summary>The conversation to continue; a new one is started when absent.</summary>
    public string? Conversation { get; init; }
}
