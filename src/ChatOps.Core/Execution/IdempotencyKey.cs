namespace ChatOps.Core.Execution;

/// <summary>The identity of one confirmed execution: claiming it twice is refused, so a confirmation runs at most once.</summary>
public readonly record struct IdempotencyKey(string Value)
{
    public override string ToString() => Value;
}
