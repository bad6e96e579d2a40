using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;

namespace ChatOps.Dialog.Policy;

/// <summary>The pure rules of who may run, confirm and approve what; the dialog machine's guards call only this.</summary>
public sealed partial class ActionPolicy(PolicyOptions options, ServiceCatalog catalog)
{
    /// <summary>The options in force.</summary>
    public PolicyOptions Options => options;

    /// <summary>True for intents that change something (as opposed to lookups).</summary>
    public static bool IsAction(string intent) => IntentNames.Actions.Contains(intent);

    /// <summary>What <paramref name="command"/> needs before it runs, once <see cref="Authorize"/> allowed it.</summary>
    public PolicyDecision Decide(ChatCommand command)
    {
        if (!IsAction(command.Intent)) return new PolicyDecision(false, null, "lookups run at once");
        var approval = options.Approvals.FirstOrDefault(r => r.Matches(command.Intent, command.Environment));
        if (approval is not null) return new PolicyDecision(true, approval.Role, $"{command.Intent} on {command.Environment ?? "any environment"} needs approval by {approval.Role}");
        // why: an action that names no environment may act on a protected one (a release workflow), so it is confirmed like one
        if (options.ConfirmProtectedEnvironments && command.Environment is null) return new PolicyDecision(true, null, "it names no environment, so it counts as protected");
        if (options.ConfirmProtectedEnvironments && IsProtected(command.Environment)) return new PolicyDecision(true, null, $"{command.Environment} is protected");
        if (options.ConfirmIntents.Contains(command.Intent)) return new PolicyDecision(true, null, $"{command.Intent} always needs confirmation");
        return new PolicyDecision(false, null, "no rule asks for confirmation");
    }

    /// <summary>Only the requester confirms or cancels their own request.</summary>
    public static bool MayConfirm(string requester, string user) => requester == user;

    /// <summary>An approver is a member of the role and never the requester.</summary>
    public bool MayApprove(string requester, string? role, string user) => MayApprove(requester, role, ChatIdentity.Of(user));

    /// <summary>An approver is a member of the role (by id, e-mail or group) and never the requester.</summary>
    public bool MayApprove(string requester, string? role, ChatIdentity user) =>
        role is not null && user.UserId != requester && IsMember(role, user);

    /// <summary>Whether the environment is protected (its buttons are drawn as dangerous).</summary>
    public bool IsProtected(string? environment) => environment is not null && catalog.FindEnvironment(environment)?.Protected == true;
}
