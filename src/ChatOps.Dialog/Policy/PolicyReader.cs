using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Dialog.Policy;

/// <summary>One pass over a policy document, collecting every error instead of stopping at the first.</summary>
internal sealed partial class PolicyReader(ServiceCatalog catalog)
{
    private static readonly string[] RoleKeys = ["members", "allow"];
    private static readonly string[] ScopeKeys = ["intents", "environments"];
    private static readonly string[] ConfirmKeys = ["protected_environments", "intents", "timeout"];
    private static readonly string[] ApprovalKeys = ["intents", "environments", "role"];
    private static readonly string[] ForbiddenKeys = ["intents", "environments", "reason"];
    private static readonly string[] RefKeys = ["intents", "environments", "allow", "reason"];

    public List<string> Errors { get; } = [];

    public PolicyOptions Read(YamlMappingNode root)
    {
        CheckKeys(root, ["owners", "groups", "roles", "everyone", "confirm", "approvals", "forbidden", "refs"], "the policy");
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var grants = new List<Grant>();
        if (Child(root, "roles") is { } rolesNode && Map(rolesNode, "roles") is { } roleMap)
        {
            foreach (var (keyNode, value) in roleMap.Children)
            {
                var name = (keyNode as YamlScalarNode)?.Value ?? "";
                if (name is "" or Grant.Everyone) Errors.Add($"line {keyNode.Start.Line}: '{name}' cannot name a role; use 'everyone' for grants to all");
                if (Map(value, $"role '{name}'") is not { } role) continue;
                CheckKeys(role, RoleKeys, $"role '{name}'");
                var members = Strings(role, "members", $"role '{name}'", required: true);
                foreach (var m in members) CheckMember(m, Line(role, "members"));
                roles[name] = members;
                grants.AddRange(Scopes(role, "allow", $"role '{name}'").Select(s => new Grant(name, s.Intents, s.Environments)));
            }
        }
        else
        {
            Errors.Add($"line {root.Start.Line}: 'roles' is missing; add at least one role with members and what it may do");
        }

        var everyone = Child(root, "everyone") is null
            ? [new Grant(Grant.Everyone, [PolicyScope.Reads], [PolicyScope.Any])]
            : Scopes(root, "everyone", "everyone").Select(s => new Grant(Grant.Everyone, s.Intents, s.Environments)).ToList();
        var (confirmProtected, confirmIntents, timeout) = ReadConfirm(root);
        return new PolicyOptions
        {
            Owners = Strings(root, "owners", "owners", required: false),
            Groups = ReadGroups(root),
            Roles = roles,
            Grants = [.. everyone, .. grants],
            ConfirmProtectedEnvironments = confirmProtected,
            ConfirmIntents = confirmIntents,
            ConfirmationTimeout = timeout,
            Approvals = ReadApprovals(root, roles),
            Forbidden = ReadForbidden(root),
            RefRules = ReadRefs(root),
        };
    }

    private Dictionary<string, IReadOnlyList<string>> ReadGroups(YamlMappingNode root)
    {
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (Child(root, "groups") is not { } node || Map(node, "groups") is not { } map) return groups;
        foreach (var (key, _) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var members = Strings(map, name, $"group '{name}'", required: true);
            foreach (var m in members.Where(m => m.StartsWith("group:", StringComparison.Ordinal))) Errors.Add($"line {key.Start.Line}: group '{name}' lists '{m}'; groups hold user ids or e-mails, not other groups");
            groups[name] = members;
        }

        return groups;
    }

    private (bool Protected, IReadOnlyList<string> Intents, TimeSpan Timeout) ReadConfirm(YamlMappingNode root)
    {
        var defaults = new PolicyOptions();
        if (Child(root, "confirm") is not { } node || Map(node, "confirm") is not { } map) return (defaults.ConfirmProtectedEnvironments, defaults.ConfirmIntents, defaults.ConfirmationTimeout);
        CheckKeys(map, ConfirmKeys, "confirm");
        var isProtected = defaults.ConfirmProtectedEnvironments;
        if (Scalar(map, "protected_environments") is { } p)
        {
            if (bool.TryParse(p.Value, out var b)) isProtected = b;
            else Errors.Add($"line {p.Start.Line}: confirm.protected_environments must be true or false");
        }

        var intents = Child(map, "intents") is null ? defaults.ConfirmIntents : Intents(map, "intents", "confirm");
        var timeout = defaults.ConfirmationTimeout;
        if (Scalar(map, "timeout") is { } t && !TryDuration(t.Value, out timeout))
        {
            Errors.Add($"line {t.Start.Line}: confirm.timeout '{t.Value}' must be a duration such as 5m, 90s or 00:05:00");
            timeout = defaults.ConfirmationTimeout;
        }

        return (isProtected, intents, timeout);
    }

    private List<ApprovalRule> ReadApprovals(YamlMappingNode root, Dictionary<string, IReadOnlyList<string>> roles)
    {
        var rules = new List<ApprovalRule>();
        foreach (var map in Entries(root, "approvals"))
        {
            CheckKeys(map, ApprovalKeys, "an approval");
            var (intents, environments) = Scope(map, "an approval");
            var role = Scalar(map, "role");
            if (role?.Value is not { Length: > 0 } roleName)
            {
                Errors.Add($"line {map.Start.Line}: an approval needs 'role': the role whose member (not the requester) approves");
                continue;
            }

            if (!roles.ContainsKey(roleName)) Errors.Add($"line {role.Start.Line}: approval role '{roleName}' is not defined under 'roles'");
            // why: ApprovalRule matches one intent and one environment; expand the policy's words into names here
            foreach (var intent in ExpandIntents(intents))
            {
                foreach (var env in ExpandEnvironments(environments)) rules.Add(new ApprovalRule(intent, env, roleName));
            }
        }

        return rules;
    }

    private List<ForbiddenRule> ReadForbidden(YamlMappingNode root) => Entries(root, "forbidden").Select(map =>
    {
        CheckKeys(map, ForbiddenKeys, "a forbidden rule");
        var (intents, environments) = Scope(map, "a forbidden rule");
        return new ForbiddenRule(intents, environments, Reason(map, "a forbidden rule"));
    }).ToList();

    private List<RefRule> ReadRefs(YamlMappingNode root) => Entries(root, "refs").Select(map =>
    {
        CheckKeys(map, RefKeys, "a ref rule");
        var (intents, environments) = Scope(map, "a ref rule");
        var allowed = Strings(map, "allow", "a ref rule", required: true);
        return new RefRule(intents, environments, allowed, Reason(map, "a ref rule"));
    }).ToList();

    private string Reason(YamlMappingNode map, string what)
    {
        if (Scalar(map, "reason")?.Value is { Length: > 0 } reason) return reason;
        Errors.Add($"line {map.Start.Line}: {what} needs a 'reason', which is what people are told when it refuses");
        return "";
    }

    private IEnumerable<string> ExpandIntents(IReadOnlyList<string> intents) =>
        IntentNames.All.Where(i => PolicyScope.MatchesIntent(intents, i));

    private IEnumerable<string> ExpandEnvironments(IReadOnlyList<string> environments) =>
        environments.Contains(PolicyScope.Any) ? [PolicyScope.Any] : catalog.Environments.Select(e => e.Name).Where(e => PolicyScope.MatchesEnvironment(environments, e, catalog));
}
