namespace ChatOps.Executors.Tracking;

/// <summary>What <see cref="RunTracker.ApplyAsync"/> did with an update.</summary>
public enum RunUpdateOutcome
{
    /// <summary>The status moved forward, was stored and drawn in chat.</summary>
    Applied,

    /// <summary>No tracked run has this backend id; the update was logged and dropped.</summary>
    Unknown,

    /// <summary>A repeated delivery or the status the run already has.</summary>
    Duplicate,

    /// <summary>A backward move (a late "running" after "passed"); the run keeps its status.</summary>
    Stale,

    /// <summary>Other writers kept winning the version race; the update was given up (a later poll repairs it).</summary>
    Conflict,
}
