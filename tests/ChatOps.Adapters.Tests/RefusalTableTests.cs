using System.Net;
using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Tests.Api;
using ChatOps.Adapters.Tests.Slack.Dialog;
using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Core.Audit;
using ChatOps.Core.Chat;
using ChatOps.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Tests;

/// <summary>
/// The attempts the policy exists to stop, through the real surfaces (chat turns, the HTTP API, signed Slack HTTP) and the real dialog under
/// training-data/policy.yaml: each is refused with the right words, leaves a refusal on the audit trail, and runs nothing.
/// </summary>
public class RefusalTableTests
{
    public static TheoryData<string, string?, string, string> Attempts => new()
    {
        // attempt, what the person is told (null: nothing, it is silently dropped), audit kind, audit rule
        { "unauthorised deploy", "You may not run *deploy checkout → prod*: prod is protected and no role of yours is granted deploy there.", AuditKinds.Decision, "no grant" },
        { "self-approval", "You asked for this, so someone else with the *approver* role has to approve it.", AuditKinds.Approval, "the requester cannot approve" },
        { "confirmation by another user", "Only <@alice>, who asked for it, can confirm or cancel this request.", AuditKinds.Confirmation, "only the requester confirms" },
        { "approval by a non-approver", "Only members of the *approver* role can approve this request.", AuditKinds.Approval, "only members of approver approve" },
        { "forbidden action", "*k8s.scale orders → prod × 3* is never run from chat: production capacity changes go through the capacity review, not chat.", AuditKinds.Decision, "forbidden: k8s.scale on prod" },
        { "ref outside the prod rule", "prod deploys only from main or a release tag (`feature/login` does not match `main` or `v*`)", AuditKinds.Decision, "ref rule: deploy on prod only from main, v*" },
        { "template in a ref", "I can't use that ref: `${CI_JOB_TOKEN}` is not a branch, tag or commit name git would accept.", AuditKinds.Decision, "input: ref" },
        { "forged API token", "unknown bearer token", AuditKinds.Refusal, "bearer token" },
        { "oversized message", "That message is too long (6019 characters; the limit is 4000). Nothing was run.", AuditKinds.Refusal, "message size" },
        { "replayed Slack request", null, AuditKinds.Refusal, "replayed delivery" },
        { "Slack request replayed after five minutes", null, AuditKinds.Refusal, "slack signature" },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task Each_attempt_is_refused_with_its_reason_an_audit_row_and_nothing_run(string attempt, string? told, string kind, string rule)
    {
        var (answer, audit, executedByAttempt) = await TryAsync(attempt);
        if (told is null) Assert.Equal("", answer);
        else Assert.Contains(told, answer, StringComparison.Ordinal);
        Assert.Contains(audit, r => r.Event.Kind == kind && r.Event.Outcome == "refused" && r.Event.Rule == rule);
        Assert.Equal(0, executedByAttempt);
    }

    /// <summary>Sets the scene, makes the attempt, and returns what the attacker was told, the whole trail, and what the attempt itself ran.</summary>
    private static async Task<(string Answer, IReadOnlyList<AuditEntry> Audit, int Executed)> TryAsync(string attempt)
    {
        if (attempt == "replayed Slack request") return await ReplaySlackAsync();
        if (attempt == "Slack request replayed after five minutes") return await ReplayStaleSlackAsync();
        await using var host = await ApiTestHost.StartAsync();
        var key = new ConversationKey("console", "local", attempt.Replace(' ', '-'));
        async Task<IReadOnlyList<Reply>> Say(string user, string text) => await host.Handler.HandleAsync(new IncomingTurn(key, user, text), CancellationToken.None);
        async Task<IReadOnlyList<Reply>> Press(string user, string action) => await host.Handler.HandleAsync(new IncomingTurn(key, user, "", action), CancellationToken.None);
        static string Button(IReadOnlyList<Reply> replies, string prefix) => replies.SelectMany(r => r.Buttons).First(b => b.ActionId.StartsWith(prefix, StringComparison.Ordinal)).ActionId;

        var before = host.Executor.Executed.Count;
        IReadOnlyList<Reply> told;
        string? apiAnswer = null;
        switch (attempt)
        {
            case "unauthorised deploy":
                told = await Say("mallory", "deploy checkout to prod");
                break;
            case "self-approval" or "approval by a non-approver":
                await Say("alice", "roll back checkout in prod");
                var approval = await Say("alice", "yes");
                told = await Press(attempt == "self-approval" ? "alice" : "mallory", Button(approval, "approve:"));
                break;
            case "confirmation by another user":
                told = await Press("bob", Button(await Say("alice", "deploy checkout to prod"), "confirm:"));
                break;
            case "forbidden action":
                told = await Say("alice", "scale orders to 3 in prod");
                break;
            case "ref outside the prod rule" or "template in a ref":
                var reference = attempt == "template in a ref" ? "${CI_JOB_TOKEN}" : "feature/login";
                var (_, body) = await host.PostAsync(ApiTestHost.AliceToken, new { command = new { intent = "deploy", service = "checkout", environment = "prod", @ref = reference } });
                (told, apiAnswer) = ([], ApiTestHost.Texts(body));
                break;
            case "forged API token":
                var (status, error) = await host.PostAsync("glpat-guessed-token-000000", new { text = "deploy checkout to prod" });
                Assert.Equal(HttpStatusCode.Unauthorized, status);
                (told, apiAnswer) = ([], error!["error"]!.GetValue<string>());
                break;
            case "oversized message":
                told = await Say("alice", "deploy cart to uat " + new string('!', 6000));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "no such attempt");
        }

        var trail = await host.Audit.QueryAsync(new AuditFilter { Limit = 1000 }, CancellationToken.None);
        Assert.True((await host.Audit.VerifyAsync(CancellationToken.None)).Intact);
        return (apiAnswer ?? string.Join("\n", told.Select(r => r.Text)), trail, host.Executor.Executed.Count - before);
    }

    /// <summary>Alice's signed Slack request is delivered, then the very same request again: the replay is dropped and audited.</summary>
    private static async Task<(string Answer, IReadOnlyList<AuditEntry> Audit, int Executed)> ReplaySlackAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("chatops-replay").FullName, "chatops.db");
        using var database = new SqliteDatabase(file, TimeProvider.System);
        var audit = new SqliteAuditLog(database, TimeProvider.System);
        var executor = new RecordingExecutor();
        await using var world = await SlackWorld.StartAsync(SlackMode.Http, handler: ApiTestHost.NewHandler(executor, new InMemoryStores(), audit));
        var original = await world.Alice.MentionAsync(SlackWorld.Ops, "deploy cart to uat");
        await world.ReplyAsync(SlackWorld.Ops, original.MessageTs);
        var before = executor.Executed.Count;
        var replay = await world.Slack.RedeliverAsync(original, "replay");
        Assert.Equal(200, replay.HttpStatus);
        // why: Slack is answered 200 at once and the turn is handled in the background; wait for its audit row
        IReadOnlyList<AuditEntry> trail = [];
        for (var waited = 0; waited < 200 && trail.All(r => r.Event.Kind != AuditKinds.Refusal); waited++)
        {
            await Task.Delay(50);
            trail = await audit.QueryAsync(new AuditFilter { Limit = 1000 }, CancellationToken.None);
        }

        Assert.Single(world.Slack.BotReplies(SlackWorld.Ops, original.MessageTs));
        return ("", trail, executor.Executed.Count - before);
    }

    /// <summary>A captured signed Slack request sent again six minutes later: the endpoint answers 401, audits it, and the dialog never sees it.</summary>
    private static async Task<(string Answer, IReadOnlyList<AuditEntry> Audit, int Executed)> ReplayStaleSlackAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("chatops-stale").FullName, "chatops.db");
        using var database = new SqliteDatabase(file, TimeProvider.System);
        var audit = new SqliteAuditLog(database, TimeProvider.System);
        var executor = new RecordingExecutor();
        await using var world = await SlackWorld.StartAsync(SlackMode.Http, handler: ApiTestHost.NewHandler(executor, new InMemoryStores(), audit),
            services: s => s.AddSingleton<Core.Storage.IAuditLog>(audit));
        var mention = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0ALICE", ["text"] = "<@U0BOT> deploy cart to uat", ["ts"] = "1700000000.000100", ["channel"] = SlackWorld.Ops, ["event_ts"] = "1700000000.000100",
        };
        var payload = world.Slack.EventCallback(mention).ToJsonString();
        var (status, _) = await world.Slack.SendSignedAsync(world.Slack.HttpTarget!.Events, payload, "application/json", timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds());
        Assert.Equal(401, status);
        var trail = await audit.QueryAsync(new AuditFilter { Limit = 1000 }, CancellationToken.None);
        Assert.Equal("Stale", Assert.Single(trail).Event.Detail);
        return ("", trail, executor.Executed.Count);
    }
}
