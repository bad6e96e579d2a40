namespace ChatOps.Core.Execution;

/// <summary>A tracked run's status; it only moves forward (a late "running" after "passed" is ignored).</summary>
public enum RunStatus
{
    Queued = 0,
    Running = 1,
    Passed = 2,
    Failed = 3,
    Canceled = 4,
}

/// <summary>Ordering rules of <see cref="RunStatus"/>.</summary>
public static class RunStatusRules
{
    /// <summary>True once the run has ended.</summary>
    public static bool IsTerminal(this RunStatus status) => status >= RunStatus.Passed;

    /// <summary>True when moving from <paramref name="current"/> to <paramref name="next"/> goes forward.</summary>
    public static bool CanMoveTo(this RunStatus current, RunStatus next) => !current.IsTerminal() && next > current;
}
