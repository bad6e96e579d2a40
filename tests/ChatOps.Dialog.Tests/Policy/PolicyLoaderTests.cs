using ChatOps.Dialog.Policy;

namespace ChatOps.Dialog.Tests.Policy;

public class PolicyLoaderTests
{
    public static PolicyOptions Example { get; } = PolicyLoader.Load(Path.Combine(ChatScript.Root, "training-data", "policy.yaml"), ChatScript.Catalog);

    [Fact]
    public void The_example_policy_loads_with_its_roles_rules_and_timeout()
    {
        Assert.Equal(["alice", "U0ALICE", "alice@example.com"], Example.Roles["deployer"]);
        Assert.Contains(new ApprovalRule("rollback", "prod", "approver"), Example.Approvals);
        Assert.Equal("k8s.scale", Assert.Single(Assert.Single(Example.Forbidden).Intents));
        Assert.Equal(["main", "v*"], Assert.Single(Example.RefRules).Refs);
        Assert.Equal(TimeSpan.FromMinutes(5), Example.ConfirmationTimeout);
        Assert.Equal(["carol"], Example.Owners);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line()
    {
        const string yaml = """
            roles:
              deployer:
                members: [alice, "bob smith", not-an@email]
                allow:
                  - intents: [deploy, deploi]
                    environments: [prod, moon]
            confirm:
              timeout: soon
            approvals:
              - intents: [deploy]
                role: approvers
            forbidden:
              - intents: [k8s.scale]
            refs:
              - intents: [deploy]
                allow: ["v*"]
                reason: tags only
            colour: blue
            """;
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(yaml, ChatScript.Catalog, "p.yaml"));
        Assert.Contains("line 3: member 'bob smith'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: member 'not-an@email' looks like an e-mail", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: 'deploi' is not an intent", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: environment 'moon' is not in the catalog", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 8: confirm.timeout 'soon'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 11: approval role 'approvers' is not defined", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 13: a forbidden rule needs a 'reason'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 18: 'colour' is not a key of the policy", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Errors.Count);
    }

    [Fact]
    public void Broken_yaml_and_a_missing_file_say_where_and_what()
    {
        Assert.Contains("line 3", Assert.Throws<PolicyException>(() => PolicyLoader.Parse("roles:\n  - [unclosed\n", ChatScript.Catalog)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<PolicyException>(() => PolicyLoader.Load("/nowhere/policy.yaml", ChatScript.Catalog)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_role_or_a_list_where_a_mapping_belongs_is_reported_not_thrown()
    {
        Assert.Contains("line 4", Assert.Throws<PolicyException>(() => PolicyLoader.Parse("roles:\n  ops:\n    members: [a]\n  ops:\n    members: [b]\n", ChatScript.Catalog)).Message, StringComparison.Ordinal);
        Assert.Contains("line 2: role 'ops' must be a mapping", Assert.Throws<PolicyException>(() => PolicyLoader.Parse("roles:\n  ops: [a, b]\n", ChatScript.Catalog)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_everyone_section_everyone_may_only_read()
    {
        var policy = PolicyLoader.Parse("roles:\n  ops:\n    members: [olga]\n", ChatScript.Catalog);
        var grant = Assert.Single(policy.Grants);
        Assert.Equal((Grant.Everyone, PolicyScope.Reads), (grant.Role, grant.Intents[0]));
    }
}
