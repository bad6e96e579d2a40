using ChatOps.Dialog.Policy;

namespace ChatOps.Dialog.Tests;

public class ConfirmationTests
{
    [Fact]
    public async Task Protected_environment_asks_to_confirm_with_a_danger_button_and_the_plan()
    {
        var chat = new ChatScript();
        var text = await chat.Say("alice", "deploy checkout to prod");
        Assert.Contains("Please confirm: *deploy checkout → prod*", text, StringComparison.Ordinal);
        Assert.Contains("plan: deploy checkout prod", text, StringComparison.Ordinal);
        Assert.Contains("expires at 10:05 UTC", text, StringComparison.Ordinal);
        Assert.Equal(Core.Chat.ButtonStyle.Danger, chat.Last.SelectMany(r => r.Buttons).First().Style);
        Assert.Empty(chat.Executor.Executed);
        await chat.Press("alice", chat.Button("confirm:"));
        Assert.Single(chat.Executor.Executed);
    }

    [Fact]
    public async Task Actions_on_unprotected_environments_run_at_once_unless_the_policy_lists_them()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy cart to uat");
        Assert.Single(chat.Executor.Executed);
        Assert.Contains("Please confirm", await chat.Say("alice", "roll back cart in uat"), StringComparison.Ordinal);
        Assert.Single(chat.Executor.Executed);
    }

    [Fact]
    public async Task Only_the_requester_can_confirm_or_cancel()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "restart orders in prod");
        var confirm = chat.Button("confirm:");
        var cancel = chat.Button("cancel:");
        Assert.Contains("Only <@alice>", await chat.Press("bob", confirm), StringComparison.Ordinal);
        Assert.True(chat.Last[0].Ephemeral);
        Assert.Contains("Only <@alice>", await chat.Press("bob", cancel), StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        await chat.Press("alice", confirm);
        Assert.Equal("alice", Assert.Single(chat.Executor.Executed).RequestedBy);
    }

    [Fact]
    public async Task A_confirmation_expires_after_five_minutes_and_is_refused()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        chat.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Contains("expired at 10:05 UTC", await chat.Press("alice", confirm), StringComparison.Ordinal);
        Assert.Contains("already expired", await chat.Press("alice", confirm), StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
    }

    [Fact]
    public async Task Expired_confirmations_are_swept_and_reported()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        chat.Time.Advance(TimeSpan.FromMinutes(6));
        var swept = await chat.Handler.SweepDueAsync(CancellationToken.None);
        Assert.Contains("expired", Assert.Single(swept).Reply.Text, StringComparison.Ordinal);
        Assert.Empty(await chat.Handler.SweepDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Change_of_mind_before_confirming_shows_the_new_version_for_confirmation()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy cart to prod");
        Assert.Contains("deploy cart → staging", await chat.Say("alice", "actually make it staging"), StringComparison.Ordinal);
        await chat.Say("alice", "yes");
        Assert.Equal("staging", Assert.Single(chat.Executor.Executed).Command.Environment);
    }

    [Fact]
    public async Task Approval_needs_another_member_of_the_role_never_the_requester()
    {
        var policy = ChatScript.OpenPolicy with
        {
            Approvals = [new ApprovalRule("deploy", "prod", "approver")],
            Roles = new Dictionary<string, IReadOnlyList<string>> { ["approver"] = ["alice", "carol"] },
        };
        var chat = new ChatScript(policy);
        await chat.Say("alice", "deploy payments to prod");
        await chat.Press("alice", chat.Button("confirm:"));
        Assert.Contains("needs approval by someone with the *approver* role", chat.Text, StringComparison.Ordinal);
        var approve = chat.Button("approve:");
        Assert.Contains("someone else", await chat.Press("alice", approve), StringComparison.Ordinal);
        Assert.Contains("Only members of the *approver* role", await chat.Press("bob", approve), StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        await chat.Press("carol", approve);
        var run = Assert.Single(chat.Executor.Executed);
        Assert.Equal(("alice", "carol"), (run.RequestedBy, run.ApprovedBy));
    }

    [Fact]
    public async Task An_approver_can_reject_and_nothing_runs()
    {
        var policy = ChatScript.OpenPolicy with { Approvals = [new ApprovalRule("*", "prod", "approver")], Roles = new Dictionary<string, IReadOnlyList<string>> { ["approver"] = ["carol"] } };
        var chat = new ChatScript(policy);
        await chat.Say("alice", "restart orders in prod");
        await chat.Say("alice", "yes");
        Assert.Contains("<@carol> rejected", await chat.Press("carol", chat.Button("reject:")), StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
    }
}
