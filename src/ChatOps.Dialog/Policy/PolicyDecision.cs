namespace ChatOps.Dialog.Policy;

/// <summary>What the policy wants before a command runs: a confirmation, and possibly an approval by a role.</summary>
public sealed record PolicyDecision(bool NeedsConfirmation, string? ApproverRole, string Reason);
