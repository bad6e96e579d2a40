namespace ChatOps.Dialog.Policy;

/// <summary>Whether a person may run a command at all, the rule that decided, and when refused why and who could.</summary>
/// <param name="Allowed">True when a grant covers the command and no rule forbids it.</param>
/// <param name="Rule">The deciding rule in words, as written to the audit trail.</param>
/// <param name="Reason">For a refusal: why, in a sentence for the person.</param>
/// <param name="WhoCan">For a refusal: the roles (with members) that may run it, empty when nobody may.</param>
/// <param name="Owners">Who maintains the policy and can grant access.</param>
public sealed record AccessDecision(bool Allowed, string Rule, string? Reason = null, IReadOnlyList<string>? WhoCan = null, IReadOnlyList<string>? Owners = null)
{
    /// <summary>An allowing decision by <paramref name="rule"/>.</summary>
    public static AccessDecision Allow(string rule) => new(true, rule);
}
