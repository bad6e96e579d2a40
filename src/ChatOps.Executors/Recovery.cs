using ChatOps.Core.Execution;

namespace ChatOps.Executors;

/// <summary>What a backend shows of an interrupted request: the run it started (to adopt), or for certain that it never started, or neither.</summary>
/// <param name="Adopted">The result the request would have had, when the backend shows what it started.</param>
/// <param name="NeverStarted">The backend was searched completely since the request began and holds nothing of it: starting it now cannot run it twice.</param>
public sealed record Recovery(ExecutionResult? Adopted, bool NeverStarted)
{
    /// <summary>Nothing can be told: the search was incomplete, or this kind of request leaves no trace to look for.</summary>
    public static Recovery Unknown { get; } = new(null, false);

    /// <summary>The backend holds nothing of the request.</summary>
    public static Recovery NotStarted { get; } = new(null, true);
}
