namespace ChatOps.Adapters.Console;

/// <summary>How the console chat starts: the simulated user and workspace.</summary>
public sealed record ConsoleOptions
{
    /// <summary>The user you type as until `/as NAME`.</summary>
    public string User { get; init; } = "alice";

    /// <summary>The workspace of every console conversation.</summary>
    public string Workspace { get; init; } = "console";

    /// <summary>The channel of every console conversation.</summary>
    public string Channel { get; init; } = "local";

    /// <summary>How long the end of piped input waits for the runs this console started to finish.</summary>
    public TimeSpan RunWaitTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Shown under the banner: where the backends are (sandbox addresses).</summary>
    public string? Banner { get; init; }
}
