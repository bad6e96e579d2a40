namespace ChatOps.Dialog.Policy;

/// <summary>"This intent on this environment needs approval by a member of this role"; "*" matches any.</summary>
public sealed record ApprovalRule(string Intent, string Environment, string Role)
{
    /// <summary>True when the rule covers the intent and environment.</summary>
    public bool Matches(string intent, string? environment) =>
        (Intent == "*" || Intent == intent) && (Environment == "*" || Environment == environment);
}
