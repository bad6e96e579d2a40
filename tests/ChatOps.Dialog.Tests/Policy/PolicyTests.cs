using ChatOps.Core.Audit;
using ChatOps.Dialog.Policy;

namespace ChatOps.Dialog.Tests.Policy;

/// <summary>Access rules as people meet them, under the defaults and under the example policy.</summary>
public class PolicyTests
{
    [Fact]
    public async Task By_default_everyone_reads_and_acts_on_unprotected_environments_but_nobody_on_protected_ones()
    {
        var chat = new ChatScript(new PolicyOptions());
        await chat.Say("zoe", "deploy cart to uat");
        Assert.Single(chat.Executor.Executed);
        var text = await chat.Say("zoe", "deploy checkout to prod");
        Assert.Contains("You may not run *deploy checkout → prod*: prod is protected and no role of yours is granted deploy there.", text, StringComparison.Ordinal);
        Assert.Contains("ask whoever maintains the bot's policy file", text, StringComparison.Ordinal);
        Assert.Single(chat.Executor.Executed);
        await chat.Say("zoe", "what pods are running for cart in prod");
        Assert.Equal(2, chat.Executor.Executed.Count);
    }

    [Fact]
    public async Task A_refusal_names_the_roles_that_may_and_the_policy_owners()
    {
        var chat = new ChatScript(PolicyLoaderTests.Example);
        var text = await chat.Say("mallory", "deploy checkout to prod");
        Assert.Contains("Who may: *deployer* (alice, U0ALICE, alice@example.com).", text, StringComparison.Ordinal);
        Assert.Contains("ask the policy owners: carol.", text, StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        var decision = chat.Audit.Rows.Single(r => r.Event.Kind == AuditKinds.Decision);
        Assert.Equal(("mallory", "refused", "no grant", "deploy", "prod"), (decision.Event.Actor, decision.Event.Outcome, decision.Event.Rule, decision.Event.Intent, decision.Event.Environment));
    }

    [Fact]
    public async Task A_deployer_deploys_to_prod_after_confirming_and_the_grant_is_on_the_trail()
    {
        var chat = new ChatScript(PolicyLoaderTests.Example);
        Assert.Contains("Please confirm", await chat.Say("alice", "deploy checkout to prod"), StringComparison.Ordinal);
        await chat.Say("alice", "yes");
        Assert.Single(chat.Executor.Executed);
        Assert.Contains(chat.Audit.Rows, r => r.Event is { Kind: AuditKinds.Decision, Outcome: "allowed", Rule: "grant: deployer may actions on any environment" });
    }

    [Fact]
    public async Task A_forbidden_action_is_refused_for_everyone_with_its_reason()
    {
        var chat = new ChatScript(PolicyLoaderTests.Example);
        var text = await chat.Say("alice", "scale orders to 5 in prod");
        Assert.Contains("*k8s.scale orders → prod × 5* is never run from chat: production capacity changes go through the capacity review, not chat.", text, StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        Assert.Contains(chat.Audit.Rows, r => r.Event is { Kind: AuditKinds.Decision, Outcome: "refused", Rule: "forbidden: k8s.scale on prod" });
    }

    [Fact]
    public async Task A_ref_rule_is_checked_before_confirmation()
    {
        var tagsOnly = PolicyLoaderTests.Example with { RefRules = [new RefRule(["deploy"], ["prod"], ["v*"], "prod deploys only from release tags")] };
        var chat = new ChatScript(tagsOnly);
        var text = await chat.Say("alice", "deploy checkout to prod");
        Assert.Contains("prod deploys only from release tags (`main` does not match `v*`)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Please confirm", text, StringComparison.Ordinal);
        Assert.Contains("Please confirm", await chat.Say("alice", "deploy checkout v1.4.0 to prod"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approver_is_recognised_by_the_policy_group_and_a_self_approval_is_refused()
    {
        var chat = new ChatScript(PolicyLoaderTests.Example);
        await chat.Say("alice", "roll back checkout in prod");
        await chat.Say("alice", "yes");
        var approve = chat.Button("approve:");
        Assert.Contains("someone else", await chat.Press("alice", approve), StringComparison.Ordinal);
        Assert.Contains("Only members of the *approver* role", await chat.Press("mallory", approve), StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        await chat.Press("bob", approve);
        Assert.Equal("bob", Assert.Single(chat.Executor.Executed).ApprovedBy);
    }

    [Fact]
    public void Membership_counts_user_ids_emails_and_groups_from_the_adapter_or_the_policy()
    {
        var policy = new ActionPolicy(PolicyLoaderTests.Example, ChatScript.Catalog);
        Assert.True(policy.IsMember("deployer", new("U999", "Alice@Example.com", [])));
        Assert.True(policy.IsMember("approver", new("U0BOB", null, [])));
        Assert.True(policy.IsMember("approver", new("U777", "carol@example.com", [])));
        Assert.True(policy.IsMember("approver", new("U778", null, ["sre"])));
        Assert.False(policy.IsMember("approver", new("U779", "mallory@example.com", ["web"])));
    }

    [Fact]
    public async Task A_command_without_an_environment_counts_as_protected_so_a_release_workflow_needs_a_grant_and_a_confirmation()
    {
        var chat = new ChatScript(new PolicyOptions());
        var text = await chat.Say("zoe", "run the release-train workflow");
        Assert.Contains("it names no environment, so it counts as protected", text, StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        var deployer = new ChatScript(PolicyLoaderTests.Example);
        Assert.Contains("Please confirm", await deployer.Say("alice", "run the release-train workflow"), StringComparison.Ordinal);
        await deployer.Say("alice", "yes");
        Assert.Equal("workflow.run", Assert.Single(deployer.Executor.Executed).Command.Intent);
    }
}
