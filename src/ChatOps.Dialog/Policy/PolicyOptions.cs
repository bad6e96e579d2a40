using ChatOps.Core.Commands;

namespace ChatOps.Dialog.Policy;

/// <summary>What needs confirmation or approval; bound from the "Dialog:Policy" configuration section, with safe defaults.</summary>
public sealed record PolicyOptions
{
    /// <summary>Every action on an environment marked protected in the catalog needs confirmation.</summary>
    public bool ConfirmProtectedEnvironments { get; init; } = true;

    /// <summary>Intents that always need confirmation, wherever they run.</summary>
    public IReadOnlyList<string> ConfirmIntents { get; init; } =
        [IntentNames.Rollback, IntentNames.K8sRestart, IntentNames.K8sScale, IntentNames.PipelineCancel];

    /// <summary>Rules that add an approval by another person after the confirmation.</summary>
    public IReadOnlyList<ApprovalRule> Approvals { get; init; } = [];

    /// <summary>Role name → chat user ids in it (e.g. "approver" → ["U_ALICE"]).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>How long a confirmation or approval stays valid.</summary>
    public TimeSpan ConfirmationTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
