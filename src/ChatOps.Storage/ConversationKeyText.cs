using ChatOps.Core.Chat;

namespace ChatOps.Storage;

/// <summary>The stored text of a <see cref="ConversationKey"/> ("workspace/channel/thread") and its inverse.</summary>
internal static class ConversationKeyText
{
    /// <summary>The key as stored; throws when workspace or channel contain '/', which would make the text ambiguous.</summary>
    public static string Format(ConversationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // why: the thread is the last segment and may hold '/', but the first two must not, or Parse would split wrongly.
        if (key.Workspace.Contains('/', StringComparison.Ordinal) || key.Channel.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"Conversation key '{key}' cannot be stored: workspace and channel must not contain '/'.", nameof(key));
        return key.ToString();
    }

    /// <summary>The key a stored text came from.</summary>
    public static ConversationKey Parse(string text)
    {
        var parts = text.Split('/', 3);
        return parts.Length == 3
            ? new ConversationKey(parts[0], parts[1], parts[2])
            : throw new FormatException($"Stored conversation key '{text}' is not 'workspace/channel/thread'.");
    }
}
