namespace ChatOps.Adapters.Console;

/// <summary>How the console chat starts: the simulated user and workspace.</summary>
public sealed record ConsoleOptions
{
    /// <summary>The user you type as until `/as NAME`.</summary>
    public string User { get; init; } = "alice";

    public string Workspace { get; init; } = "console";

    public string Channel { get; init; } = "local";

    /// <summary>Shown under the banner: where the backends are (sandbox addresses).</summary>
    public string? Banner { get; init; }
}
