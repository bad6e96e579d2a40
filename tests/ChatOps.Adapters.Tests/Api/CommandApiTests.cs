using System.Net;
using ChatOps.Core.Audit;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;

namespace ChatOps.Adapters.Tests.Api;

/// <summary>The command API over real HTTP: the same dialog, policy and audit trail as chat.</summary>
public class CommandApiTests
{
    [Fact]
    public async Task A_forged_or_missing_token_is_refused_with_401_an_audit_row_and_nothing_run()
    {
        await using var host = await ApiTestHost.StartAsync();
        var (forged, body) = await host.PostAsync("not-a-real-token-0123456789", new { text = "deploy cart to uat" });
        Assert.Equal(HttpStatusCode.Unauthorized, forged);
        Assert.Contains("unknown bearer token", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(null, new { text = "deploy cart to uat" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.GetAsync("x", "api/audit")).Status);
        Assert.Empty(host.Executor.Executed);
        var refusals = await host.Audit.QueryAsync(new AuditFilter { Kind = AuditKinds.Refusal }, CancellationToken.None);
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(("anonymous", "bearer token"), (r.Event.Actor, r.Event.Rule)));
        Assert.DoesNotContain(refusals, r => (r.Event.Detail ?? "").Contains("not-a-real-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_runs_through_the_dialog_as_the_tokens_user_and_a_prod_deploy_waits_for_the_confirm_action()
    {
        await using var host = await ApiTestHost.StartAsync();
        var (status, body) = await host.PostAsync(ApiTestHost.AliceToken, new { text = "deploy checkout to prod" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Please confirm: *deploy checkout → prod*", ApiTestHost.Texts(body), StringComparison.Ordinal);
        Assert.Empty(host.Executor.Executed);
        var conversation = body!["conversation"]!.GetValue<string>();
        var confirm = new { conversation, action = ApiTestHost.Button(body, "confirm:") };
        var (_, done) = await host.PostAsync(ApiTestHost.AliceToken, confirm, idempotencyKey: "click-1");
        Assert.Contains("started deploy of checkout in prod", ApiTestHost.Texts(done), StringComparison.Ordinal);
        var (_, again) = await host.PostAsync(ApiTestHost.AliceToken, confirm, idempotencyKey: "click-1");
        Assert.Empty(again!["replies"]!.AsArray());
        var run = Assert.Single(host.Executor.Executed);
        Assert.Equal(("alice", new ConversationKey("api", "alice", conversation)), (run.RequestedBy, run.Conversation));
    }

    [Fact]
    public async Task A_typed_command_meets_the_same_policy_and_an_alias_cannot_slip_past_a_protected_environment()
    {
        await using var host = await ApiTestHost.StartAsync();
        var (_, refused) = await host.PostAsync(ApiTestHost.MalloryToken, new { command = new { intent = "deploy", service = "checkout-svc", environment = "production" } });
        Assert.Contains("You may not run *deploy checkout → prod*", ApiTestHost.Texts(refused), StringComparison.Ordinal);
        var (_, unknown) = await host.PostAsync(ApiTestHost.MalloryToken, new { command = new { intent = "deploy", service = "checkout", environment = "moon" } });
        Assert.Contains("I don't know the environment `moon`", ApiTestHost.Texts(unknown), StringComparison.Ordinal);
        var (_, ran) = await host.PostAsync(ApiTestHost.AliceToken, new { command = new { intent = "deploy", service = "cart", environment = "uat", @ref = "v2.0.1" } });
        Assert.Contains("started deploy of cart in uat", ApiTestHost.Texts(ran), StringComparison.Ordinal);
        Assert.Equal("v2.0.1", Assert.Single(host.Executor.Executed).Command.Slots.Ref);
    }

    [Fact]
    public async Task Bad_bodies_are_refused_with_400_or_413_and_nothing_runs()
    {
        await using var host = await ApiTestHost.StartAsync(maxBodyBytes: 1024);
        var (tooBig, _) = await host.PostAsync(ApiTestHost.AliceToken, new { text = "deploy cart to uat " + new string('x', 2000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(ApiTestHost.AliceToken, new { text = "a", action = "confirm:x", conversation = "c1" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(ApiTestHost.AliceToken, new { action = "confirm:x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(ApiTestHost.AliceToken, new { text = "hi", conversation = "../../etc" })).Status);
        Assert.Empty(host.Executor.Executed);
        var refusal = Assert.Single(await host.Audit.QueryAsync(new AuditFilter { Kind = AuditKinds.Refusal }, CancellationToken.None));
        Assert.Equal(("alice", "message size"), (refusal.Event.Actor, refusal.Event.Rule));
    }

    [Fact]
    public async Task A_run_is_read_without_its_callback_secret_and_an_unknown_one_is_404()
    {
        await using var host = await ApiTestHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await host.Runs.AddAsync(new RunRecord
        {
            Id = "req-1", Backend = "gitlab", BackendRunId = "7:90211", RequestedBy = "alice", Summary = "deploy checkout → prod",
            Conversation = new ConversationKey("api", "alice", "c1"), Status = RunStatus.Running, CreatedAt = now, UpdatedAt = now, CallbackToken = "cb-secret-4711",
        }, CancellationToken.None);
        var (status, run) = await host.GetAsync(ApiTestHost.AliceToken, "api/runs/req-1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("running", "7:90211"), (run!["status"]!.GetValue<string>(), run["backendRunId"]!.GetValue<string>()));
        Assert.DoesNotContain("cb-secret-4711", run.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync(ApiTestHost.AliceToken, "api/runs/nope")).Status);
    }

    [Fact]
    public async Task The_audit_is_queried_with_filters_and_its_chain_verified_over_http()
    {
        await using var host = await ApiTestHost.StartAsync();
        await host.PostAsync(ApiTestHost.AliceToken, new { text = "deploy cart to uat" });
        await host.PostAsync(ApiTestHost.MalloryToken, new { text = "deploy cart to uat" });
        var (status, rows) = await host.GetAsync(ApiTestHost.MalloryToken, "api/audit?user=alice&kind=execution&since=today");
        Assert.Equal(HttpStatusCode.OK, status);
        var row = Assert.Single(rows!.AsArray());
        Assert.Equal(("cart", "uat"), (row!["event"]!["service"]!.GetValue<string>(), row["event"]!["environment"]!.GetValue<string>()));
        var (_, refused) = await host.GetAsync(ApiTestHost.AliceToken, "api/audit?user=mallory&kind=decision");
        Assert.Equal("refused", refused!.AsArray().Single()!["event"]!["outcome"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await host.GetAsync(ApiTestHost.AliceToken, "api/audit?since=soonish")).Status);
        var (_, verify) = await host.GetAsync(ApiTestHost.AliceToken, "api/audit/verify");
        Assert.True(verify!["intact"]!.GetValue<bool>());
    }
}
