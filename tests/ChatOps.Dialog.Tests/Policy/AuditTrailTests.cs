using ChatOps.Core.Audit;

namespace ChatOps.Dialog.Tests.Policy;

/// <summary>Every step of a request is on the trail, in order and chained; "who deployed …?" reads it back in chat.</summary>
public class AuditTrailTests
{
    [Fact]
    public async Task A_confirmed_deploy_leaves_request_decision_question_confirmation_execution_and_result_in_order()
    {
        var chat = new ChatScript(PolicyLoaderTests.Example);
        await chat.Say("alice", "deploy checkout to prod");
        await chat.Press("bob", chat.Button("confirm:"));
        await chat.Say("alice", "yes");
        var rows = chat.Audit.Rows;
        Assert.Equal(
            [AuditKinds.Request, AuditKinds.Decision, AuditKinds.Question, AuditKinds.Confirmation, AuditKinds.Confirmation, AuditKinds.Execution, AuditKinds.Result],
            rows.Select(r => r.Event.Kind));
        Assert.Equal(("bob", "refused"), (rows[3].Event.Actor, rows[3].Event.Outcome));
        Assert.Single(rows.Select(r => r.Event.RequestId).Distinct());
        Assert.Equal(chat.Executor.Executed.Single().Key.Value, rows[^1].Event.RequestId);
        Assert.True(AuditChain.Verify(rows).Intact);
    }

    [Fact]
    public async Task Who_deployed_checkout_to_prod_today_lists_only_todays_prod_deploys_of_checkout()
    {
        var chat = new ChatScript(PolicyLoaderTests.Example);
        await chat.Say("alice", "deploy checkout to prod");
        await chat.Say("alice", "yes");
        chat.Key = chat.Key with { Thread = "thread-2" };
        await chat.Say("alice", "deploy checkout to uat");
        chat.Key = chat.Key with { Thread = "thread-3" };
        var text = await chat.Say("carol", "who deployed checkout to prod today?");
        Assert.Contains("(deploy, checkout, → prod, since 2026-11-23 00:00 UTC)", text, StringComparison.Ordinal);
        Assert.Contains("• 2026-11-23 10:00 <@alice> deploy checkout → prod (started", text, StringComparison.Ordinal);
        Assert.DoesNotContain("→ uat", text, StringComparison.Ordinal);
        chat.Time.Advance(TimeSpan.FromDays(1));
        Assert.Contains("Nothing on the audit trail", await chat.Say("carol", "who deployed checkout to prod today?"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_question_names_a_person_and_a_window()
    {
        var chat = new ChatScript();
        var parse = new Language.MessageParser(ChatScript.Catalog, Language.Model.IntentClassifier.Load(Path.Combine(ChatScript.Root, "models", "intent-model.zip")))
            .Parse("what did alice restart yesterday");
        var filter = chat.Handler.AuditFilterFor(parse);
        Assert.Equal(("alice", "k8s.restart"), (filter.Actor, filter.Intent));
        Assert.Equal((new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)), (filter.Since!.Value, filter.Until!.Value));
    }

    [Fact]
    public async Task A_typed_audit_query_is_answered_by_the_dialog_and_help_lists_it_even_when_no_executor_serves_it()
    {
        var chat = new ChatScript(PolicyLoaderTests.Example, executor: new Fakes.RecordingExecutor(new HashSet<string> { "deploy" }));
        await chat.Say("alice", "deploy cart to uat");
        var replies = await chat.Handler.HandleAsync(
            new Core.Chat.IncomingTurn(chat.Key with { Thread = "q" }, "carol", "", Command: new Core.Commands.ChatCommand("audit.query", new Core.Parsing.ParsedEntities { Services = ["shopping-cart"] })),
            CancellationToken.None);
        Assert.Contains("<@alice> deploy cart → uat (started", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("audit.query", await chat.Say("carol", "help"), StringComparison.Ordinal);
    }
}
