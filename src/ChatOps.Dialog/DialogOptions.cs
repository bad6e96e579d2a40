using ChatOps.Dialog.Policy;

namespace ChatOps.Dialog;

/// <summary>How the dialog talks: when to ask "did you mean…", when to say it is not sure; bound from "Dialog".</summary>
public sealed record DialogOptions
{
    /// <summary>Ask "X or Y?" when the two best command intents are closer than this.</summary>
    public float ClarifyMargin { get; init; } = 0.15f;

    /// <summary>Below this confidence a command is not acted on; the closest commands are suggested instead.</summary>
    public float MinimumConfidence { get; init; } = 0.45f;

    /// <summary>Longer messages are refused unread (and the refusal is audited).</summary>
    public int MaxMessageLength { get; init; } = InputRules.DefaultMaxMessageLength;

    /// <summary>Confirmation and approval rules.</summary>
    public PolicyOptions Policy { get; init; } = new();

    /// <summary>How long a request may stay Executing before the next turn treats it as interrupted by a restart (longer than any backend call with retries).</summary>
    public TimeSpan StrandedAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a saved reply waits for its surface to report it posted before the sweep posts it (again).</summary>
    public TimeSpan RedeliverAfter { get; init; } = TimeSpan.FromMinutes(1);
}
