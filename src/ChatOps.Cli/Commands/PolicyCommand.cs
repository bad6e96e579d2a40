using System.CommandLine;
using ChatOps.Core.Catalog;
using ChatOps.Dialog.Policy;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops policy [--file F] [--catalog F]`: checks a policy file against the catalog (every error with its line) and prints who may do what.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "Policy YAML", DefaultValueFactory = _ => Path.Combine(RepoPaths.Root, "training-data", "policy.yaml") };
        var catalog = CommonOptions.Catalog();
        var command = new Command("policy", "Check a policy file and print who may do what where") { file, catalog };
        command.SetAction(result =>
        {
            PolicyOptions policy;
            try
            {
                policy = PolicyLoader.Load(Path.GetFullPath(result.GetValue(file)!), CatalogLoader.Load(result.GetValue(catalog)!));
            }
            catch (Exception ex) when (ex is PolicyException or CatalogException)
            {
                Console.Error.WriteLine($"chatops policy: {ex.Message}");
                return 1;
            }

            foreach (var line in Describe(policy)) Console.Out.WriteLine(line);
            return 0;
        });
        return command;
    }

    /// <summary>The policy in lines a reviewer can read: grants, approvals, forbidden actions, ref rules, confirmations.</summary>
    internal static IEnumerable<string> Describe(PolicyOptions policy)
    {
        foreach (var g in policy.Grants)
        {
            var who = g.Role == Grant.Everyone ? "everyone" : $"{g.Role} ({string.Join(", ", policy.Roles.GetValueOrDefault(g.Role) ?? [])})";
            yield return $"allow    {who}: {PolicyScope.Describe(g.Intents, g.Environments)}";
        }

        foreach (var a in policy.Approvals.GroupBy(a => a.Role)) yield return $"approve  {a.Key}: {string.Join(", ", a.Select(r => $"{r.Intent} on {r.Environment}").Distinct())}";
        foreach (var f in policy.Forbidden) yield return $"forbid   {PolicyScope.Describe(f.Intents, f.Environments)}: {f.Reason}";
        foreach (var r in policy.RefRules) yield return $"refs     {PolicyScope.Describe(r.Intents, r.Environments)} only from {string.Join(", ", r.Refs)}: {r.Reason}";
        yield return $"confirm  {(policy.ConfirmProtectedEnvironments ? "every action on a protected environment, and " : "")}{string.Join(", ", policy.ConfirmIntents)}; valid for {policy.ConfirmationTimeout}";
        if (policy.Owners.Count > 0) yield return $"owners   {string.Join(", ", policy.Owners)}";
    }
}
