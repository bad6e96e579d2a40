namespace ChatOps.Dialog.Policy;

/// <summary>
/// "Members of <see cref="Role"/> may run these intents on these environments". <see cref="Role"/> "*" means everyone; intents may be
/// names, "reads", "actions" or "*"; environments may be names, "protected", "unprotected" or "*".
/// </summary>
public sealed record Grant(string Role, IReadOnlyList<string> Intents, IReadOnlyList<string> Environments)
{
    /// <summary>The role name that stands for everyone.</summary>
    public const string Everyone = "*";

    /// <summary>What holds without a policy file: everyone reads everywhere and acts on unprotected environments; protected ones need a grant.</summary>
    public static IReadOnlyList<Grant> Defaults { get; } =
    [
        new(Everyone, [PolicyScope.Reads], [PolicyScope.Any]),
        new(Everyone, [PolicyScope.ActionsWord], [PolicyScope.Unprotected]),
    ];
}
