using ChatOps.Core.Catalog;
using ChatOps.Dialog.Slots;

namespace ChatOps.Dialog.Policy;

/// <summary>The words a policy uses for groups of intents and environments, and how a command matches them.</summary>
public static class PolicyScope
{
    public const string Any = "*";
    public const string Reads = "reads";
    public const string ActionsWord = "actions";
    public const string Protected = "protected";
    public const string Unprotected = "unprotected";

    /// <summary>Whether <paramref name="intent"/> is one of <paramref name="patterns"/> (a name, "reads", "actions" or "*").</summary>
    public static bool MatchesIntent(IReadOnlyList<string> patterns, string intent) => patterns.Any(p =>
        p == Any || p == intent
        || (p == ActionsWord && ActionPolicy.IsAction(intent))
        || (p == Reads && !ActionPolicy.IsAction(intent) && IntentDefinitions.Find(intent) is not null));

    /// <summary>
    /// Whether <paramref name="environment"/> is one of <paramref name="patterns"/>. A command without an environment (a pipeline by project, a
    /// Zadig workflow by name) counts as protected: where it acts is not known here, and a release workflow may well deploy to prod.
    /// </summary>
    public static bool MatchesEnvironment(IReadOnlyList<string> patterns, string? environment, ServiceCatalog catalog)
    {
        var isProtected = environment is null || catalog.FindEnvironment(environment)?.Protected == true;
        return patterns.Any(p =>
            p == Any
            || (p == Protected && isProtected)
            || (p == Unprotected && !isProtected)
            || (environment is not null && string.Equals(p, environment, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>"deploy, rollback on prod": a rule's scope in words.</summary>
    public static string Describe(IReadOnlyList<string> intents, IReadOnlyList<string> environments) =>
        $"{string.Join(", ", intents)} on {string.Join(", ", environments.Select(e => e == Any ? "any environment" : e))}";
}
