namespace ChatOps.Dialog.Policy;

/// <summary>Thrown when a policy file is invalid; <see cref="Errors"/> lists every problem with its line.</summary>
public sealed class PolicyException(string path, IReadOnlyList<string> errors)
    : Exception($"{path} is not a valid policy:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    /// <summary>Each problem as "line N: what is wrong and what to do".</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
