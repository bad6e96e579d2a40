using ChatOps.Core.Commands;

namespace ChatOps.Core.Storage;

/// <summary>Defaults that fill missing details: per user (service, environment, last command) or per channel (service, environment).</summary>
public sealed record UserDefaults(string? Service = null, string? Environment = null, ChatCommand? LastCommand = null)
{
    /// <summary>No defaults at all.</summary>
    public static UserDefaults None { get; } = new();
}
