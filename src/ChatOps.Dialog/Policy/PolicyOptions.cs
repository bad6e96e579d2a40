using ChatOps.Core.Commands;

namespace ChatOps.Dialog.Policy;

/// <summary>Who may run what where, and what needs confirmation or approval; read from the policy file (PolicyLoader) or the "Dialog:Policy" section, with safe defaults.</summary>
public sealed record PolicyOptions
{
    /// <summary>Every action on an environment marked protected in the catalog needs confirmation.</summary>
    public bool ConfirmProtectedEnvironments { get; init; } = true;

    /// <summary>Intents that always need confirmation, wherever they run.</summary>
    public IReadOnlyList<string> ConfirmIntents { get; init; } =
        [IntentNames.Rollback, IntentNames.K8sRestart, IntentNames.K8sScale, IntentNames.PipelineCancel];

    /// <summary>Rules that add an approval by another person after the confirmation.</summary>
    public IReadOnlyList<ApprovalRule> Approvals { get; init; } = [];

    /// <summary>Role name → its members: chat user ids, e-mails (containing '@') or "group:NAME".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Group name → chat user ids or e-mails in it, for groups the chat system does not know.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Who may run what where; a command no grant covers is refused.</summary>
    public IReadOnlyList<Grant> Grants { get; init; } = Grant.Defaults;

    /// <summary>Intents on environments that are never run from chat.</summary>
    public IReadOnlyList<ForbiddenRule> Forbidden { get; init; } = [];

    /// <summary>Which refs an intent may use on an environment ("prod deploys only from v* tags").</summary>
    public IReadOnlyList<RefRule> RefRules { get; init; } = [];

    /// <summary>Who maintains the policy and can grant access; named in refusals.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>How long a confirmation or approval stays valid.</summary>
    public TimeSpan ConfirmationTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
