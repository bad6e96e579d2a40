using ChatOps.Core.Chat;
using ChatOps.Core.Commands;

namespace ChatOps.Dialog.Policy;

public sealed partial class ActionPolicy
{
    /// <summary>Whether <paramref name="user"/> may run <paramref name="command"/> at all: forbidden rules, then grants, then ref rules.</summary>
    /// <param name="command">The bound command.</param>
    /// <param name="user">Who asks, with e-mail and groups when known.</param>
    /// <param name="effectiveRef">The ref the command will use (its own, or the binding's default), or null when unknown.</param>
    public AccessDecision Authorize(ChatCommand command, ChatIdentity user, string? effectiveRef)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(user);
        var env = command.Environment;
        var forbidden = options.Forbidden.FirstOrDefault(r => PolicyScope.MatchesIntent(r.Intents, command.Intent) && PolicyScope.MatchesEnvironment(r.Environments, env, catalog));
        if (forbidden is not null)
        {
            return new AccessDecision(false, $"forbidden: {PolicyScope.Describe(forbidden.Intents, forbidden.Environments)}", forbidden.Reason, [], options.Owners);
        }

        var grant = options.Grants.FirstOrDefault(g => Covers(g, command) && (g.Role == Grant.Everyone || IsMember(g.Role, user)));
        if (grant is null)
        {
            var why = env is null
                ? $"it names no environment, so it counts as protected, and no role of yours is granted {command.Intent} on every environment"
                : IsProtected(env) ? $"{env} is protected and no role of yours is granted {command.Intent} there" : $"no role of yours is granted {command.Intent} on {env}";
            return new AccessDecision(false, "no grant", why, WhoCan(command), options.Owners);
        }

        var rule = $"grant: {(grant.Role == Grant.Everyone ? "everyone" : grant.Role)} may {PolicyScope.Describe(grant.Intents, grant.Environments)}";
        var refRule = options.RefRules.FirstOrDefault(r => PolicyScope.MatchesIntent(r.Intents, command.Intent) && PolicyScope.MatchesEnvironment(r.Environments, env, catalog));
        if (refRule is not null && (effectiveRef is null || !refRule.Refs.Any(p => RefPattern.Matches(p, effectiveRef))))
        {
            var shown = effectiveRef is null ? "the default branch" : $"`{effectiveRef}`";
            return new AccessDecision(false, $"ref rule: {PolicyScope.Describe(refRule.Intents, refRule.Environments)} only from {string.Join(", ", refRule.Refs)}",
                $"{refRule.Reason} ({shown} does not match {string.Join(" or ", refRule.Refs.Select(r => $"`{r}`"))})", [], options.Owners);
        }

        return AccessDecision.Allow(rule);
    }

    /// <summary>Whether <paramref name="user"/> belongs to <paramref name="role"/> by user id, e-mail, or a group (theirs or the policy's).</summary>
    public bool IsMember(string role, ChatIdentity user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!options.Roles.TryGetValue(role, out var members)) return false;
        return members.Any(m => m.StartsWith("group:", StringComparison.Ordinal) ? InGroup(m["group:".Length..], user) : Is(m, user));
    }

    private bool InGroup(string group, ChatIdentity user) =>
        user.Groups.Contains(group, StringComparer.OrdinalIgnoreCase)
        || (options.Groups.TryGetValue(group, out var members) && members.Any(m => Is(m, user)));

    private static bool Is(string member, ChatIdentity user) => member.Contains('@', StringComparison.Ordinal)
        ? user.Email is not null && string.Equals(member, user.Email, StringComparison.OrdinalIgnoreCase)
        : string.Equals(member, user.UserId, StringComparison.Ordinal);

    private bool Covers(Grant grant, ChatCommand command) =>
        PolicyScope.MatchesIntent(grant.Intents, command.Intent) && PolicyScope.MatchesEnvironment(grant.Environments, command.Environment, catalog);

    /// <summary>"*deployer* (alice, U0ALICE)" for every role whose grant covers the command.</summary>
    private List<string> WhoCan(ChatCommand command) => options.Grants
        .Where(g => g.Role != Grant.Everyone && Covers(g, command))
        .Select(g => g.Role)
        .Distinct(StringComparer.Ordinal)
        .Select(r => options.Roles.TryGetValue(r, out var m) && m.Count > 0 ? $"*{r}* ({string.Join(", ", m)})" : $"*{r}*")
        .ToList();
}
