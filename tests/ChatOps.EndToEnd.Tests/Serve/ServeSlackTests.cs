using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Executors.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Serve;

/// <summary>The product, end to end: a mention in Slack, Confirm pressed, a GitLab pipeline in the sandbox, its webhook, the message updated.</summary>
public class ServeSlackTests
{
    [Fact]
    public async Task A_confirmed_prod_deploy_over_socket_mode_runs_once_and_its_message_is_edited_to_passed()
    {
        await using var host = await ServeHost.StartAsync();
        var mention = await host.Alice.MentionAsync(ServeHost.Ops, "deploy checkout to prod please");
        var thread = mention.MessageTs!;

        var confirm = await host.ReplyAsync(thread, 1);
        Assert.Contains("Please confirm", confirm.BlockText, StringComparison.Ordinal);
        Assert.Equal("danger", confirm.Buttons[0]["style"]!.GetValue<string>());
        await host.Alice.ClickAsync(confirm, "Confirm");

        var started = await host.ReplyAsync(thread, 2);
        Assert.Contains("pipeline #", started.BlockText, StringComparison.Ordinal);
        var passed = await host.EditedToAsync(started, "passed in");
        Assert.Contains("deploy checkout to prod", passed.BlockText, StringComparison.Ordinal);

        var note = await host.ReplyAsync(thread, 3);
        Assert.StartsWith("<@U0ALICE>", note.Text, StringComparison.Ordinal);
        Assert.Contains("passed", note.Text, StringComparison.Ordinal);
        var run = Assert.Single(await host.RunsAsync());
        Assert.Equal(RunStatus.Passed, run.Status);
        Assert.Equal("U0ALICE", run.RequestedBy);
        Assert.Equal(started.Ts, run.Message!.MessageId);
        Assert.True(host.Bot.Sandbox!.GitLab.DeliveriesSucceeded > 0, "the run should have been moved by GitLab's hooks");
        // why: posting the final note once re-entered the run's lock and hung the tracker for good (found by `make soak`)
        var tracker = host.Bot.Services.GetRequiredService<RunTracker>();
        var attached = await tracker.AttachMessageAsync(run.Id, run.Message, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(started.Ts, attached!.Message!.MessageId);

        using var http = new HttpClient { BaseAddress = host.Bot.Address };
        var metrics = await http.GetStringAsync("metrics");
        Assert.Matches(@"chatops_messages_total\{[^}]*kind=""button""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"chatops_intents_total\{[^}]*intent=""deploy""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"chatops_runs_finished_total\{[^}]*backend=""gitlab""[^}]*result=""passed""[^}]*\} [1-9]", metrics);
    }

    [Fact]
    public async Task A_failed_pipeline_shows_the_failed_job_and_the_end_of_its_log()
    {
        await using var host = await ServeHost.StartAsync();
        host.Bot.Sandbox!.Knobs.FailingJob = "unit-test";
        var thread = (await host.Alice.MentionAsync(ServeHost.Ops, "deploy cart to uat")).MessageTs!;
        var started = await host.ReplyAsync(thread, 1);
        var failed = await host.EditedToAsync(started, "failed after");
        Assert.Contains("Failed job `unit-test`", failed.BlockText, StringComparison.Ordinal);
        Assert.Contains("log lines", failed.BlockText, StringComparison.Ordinal);
        var note = await host.ReplyAsync(thread, 2);
        Assert.Contains("job `unit-test` failed", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_webhook_is_lost_the_poller_still_brings_the_run_to_its_end()
    {
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Tracking:HookGrace"] = "00:00:01",
            ["Tracking:PollInterval"] = "00:00:00.200",
            ["Tracking:PollMinBackoff"] = "00:00:00.300",
            ["Tracking:PollMaxBackoff"] = "00:00:01",
        });
        host.Bot.Sandbox!.Knobs.DeliveryDropRate = 1.0;
        var thread = (await host.Alice.MentionAsync(ServeHost.Ops, "deploy cart to uat")).MessageTs!;
        var started = await host.ReplyAsync(thread, 1);
        await host.EditedToAsync(started, "passed in");
        Assert.Equal(0, host.Bot.Sandbox.GitLab.DeliveriesSucceeded);
        Assert.True(host.Bot.Sandbox.Knobs.DroppedDeliveries > 0);
        Assert.Equal(RunStatus.Passed, Assert.Single(await host.RunsAsync()).Status);
    }

    [Fact]
    public async Task A_confirmation_nobody_answers_is_expired_by_the_sweep_and_the_thread_is_told_without_anyone_writing()
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory("chatops-policy").FullName, "policy.yaml");
        var example = await File.ReadAllTextAsync(Path.Combine(ConsoleProcess.Root, "training-data", "policy.yaml"));
        Assert.Contains("  timeout: 5m\n", example, StringComparison.Ordinal);
        await File.WriteAllTextAsync(policy, example.Replace("  timeout: 5m\n", "  timeout: 1s\n", StringComparison.Ordinal));
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Policy:Path"] = policy,
            ["Dialog:SweepInterval"] = "00:00:00.200",
        });
        var thread = (await host.Alice.MentionAsync(ServeHost.Ops, "deploy checkout to prod please")).MessageTs!;
        var confirm = await host.ReplyAsync(thread, 1);
        Assert.Contains("Please confirm", confirm.BlockText, StringComparison.Ordinal);

        var expired = await host.ReplyAsync(thread, 2);

        Assert.StartsWith("That request expired at", expired.Text, StringComparison.Ordinal);
        await host.Alice.ClickAsync(confirm, "Confirm");
        var late = await host.ReplyAsync(thread, 3);
        Assert.DoesNotContain("pipeline #", late.Text, StringComparison.Ordinal);
        Assert.Empty(await host.RunsAsync());
    }

    [Fact]
    public async Task A_confirmation_Slack_refused_to_post_is_posted_by_the_sweep_and_its_Confirm_runs_the_deploy_once()
    {
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dialog:SweepInterval"] = "00:00:00.200",
            ["Dialog:RedeliverAfter"] = "00:00:01",
        });
        host.Slack.Knobs.Fail("chat.postMessage", "internal_error");
        var thread = (await host.Alice.MentionAsync(ServeHost.Ops, "deploy checkout to prod please")).MessageTs!;

        var confirm = await host.ReplyAsync(thread, 1);
        Assert.Contains("Please confirm", confirm.BlockText, StringComparison.Ordinal);
        await host.Alice.ClickAsync(confirm, "Confirm");
        var started = await host.ReplyAsync(thread, 2);
        Assert.Contains("pipeline #", started.Text, StringComparison.Ordinal);
        await host.EditedToAsync(started, "passed in");

        // why: a reply reported posted must not come again; two more redelivery periods give the sweep the chance to get it wrong
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var replies = host.Slack.BotReplies(ServeHost.Ops, thread).ToList();
        Assert.Single(replies, r => r.BlockText.Contains("Please confirm", StringComparison.Ordinal));
        Assert.Single(await host.RunsAsync());
        using var http = new HttpClient { BaseAddress = host.Bot.Address };
        Assert.Matches(@"chatops_replies_reposted_total\{[^}]*outcome=""reposted""[^}]*\} [1-9]", await http.GetStringAsync("metrics"));
    }

    [Fact]
    public async Task A_mention_a_killed_process_had_accepted_but_not_handled_is_answered_from_the_inbox_store()
    {
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:InboxRedeliverAfter"] = "00:00:01",
            ["Slack:InboxRecoveryInterval"] = "00:00:00.200",
        });
        // the message as it stands in Slack, and its app_mention as the dead process kept it before acknowledging it
        var (message, _) = await host.Alice.SayAsync(ServeHost.Ops, "deploy checkout to prod please");
        var mention = host.Slack.EventCallback(new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0ALICE", ["text"] = "<@U0BOT> deploy checkout to prod please",
            ["ts"] = message.Ts, ["channel"] = ServeHost.Ops, ["event_ts"] = message.Ts,
        });
        var inbox = host.Bot.Services.GetRequiredService<IInboxStore>();
        await inbox.AddAsync("envelope-of-a-dead-process", "Event", mention.ToJsonString(), CancellationToken.None);

        var confirm = await host.ReplyAsync(message.Ts, 1);
        Assert.Contains("Please confirm", confirm.BlockText, StringComparison.Ordinal);
        // why: once handled, the delivery leaves the store (any row still there would be taken by this probe)
        var left = 1;
        for (var i = 0; i < 50 && left > 0; i++)
        {
            await Task.Delay(100);
            left = (await inbox.TakeStaleAsync(DateTimeOffset.UtcNow.AddYears(1), 10, CancellationToken.None)).Count;
        }

        Assert.Equal(0, left);
        Assert.Single(host.Slack.BotReplies(ServeHost.Ops, message.Ts));
    }

    [Fact]
    public async Task A_zadig_workflow_run_is_followed_through_the_zadig_webhook()
    {
        await using var host = await ServeHost.StartAsync();
        var thread = (await host.Alice.MentionAsync(ServeHost.Ops, "run zadig workflow devops-chatops for checkout in uat")).MessageTs!;
        var first = await host.ReplyAsync(thread, 1);
        if (first.Buttons.Count > 0)
        {
            await host.Alice.ClickAsync(first, "Confirm");
            first = await host.ReplyAsync(thread, 2);
        }

        await host.EditedToAsync(first, "passed in");
        var run = Assert.Single(await host.RunsAsync());
        Assert.Equal("zadig", run.Backend);
        Assert.Equal(RunStatus.Passed, run.Status);
    }

    [Fact]
    public async Task Over_http_mode_signed_events_run_the_dialog_and_forged_or_stale_ones_are_refused()
    {
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?> { ["Slack:Mode"] = "Http" });
        var thread = (await host.Alice.MentionAsync(ServeHost.Ops, "deploy checkout to prod")).MessageTs!;
        var confirm = await host.ReplyAsync(thread, 1);
        await host.Alice.ClickAsync(confirm, "Confirm");
        var started = await host.ReplyAsync(thread, 2);
        await host.EditedToAsync(started, "passed in");

        using var http = new HttpClient { BaseAddress = host.Bot.Address };
        var body = """{"type":"event_callback","event_id":"Ev0FORGED","event":{"type":"app_mention","user":"U0ALICE","text":"deploy checkout to prod","channel":"C0OPS","ts":"1.000001"}}""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignedAsync(http, body, now, "v0=" + new string('0', 64))).StatusCode);
        var stale = (now - 600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var staleSignature = ChatOps.Sandbox.Slack.SlackSigner.Sign(host.Slack.Options.SigningSecret, stale, body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignedAsync(http, body, now - 600, staleSignature)).StatusCode);
        Assert.Single(await host.RunsAsync());
    }

    [Fact]
    public async Task An_answer_typed_in_the_thread_without_a_mention_continues_the_dialog()
    {
        await using var host = await ServeHost.StartAsync();
        var thread = (await host.Alice.MentionAsync(ServeHost.Ops, "deploy checkout")).MessageTs!;
        var question = await host.ReplyAsync(thread, 1);
        Assert.Contains("Which environment?", question.BlockText, StringComparison.Ordinal);
        await host.Alice.SayAsync(ServeHost.Ops, "uat", thread);
        var started = await host.ReplyAsync(thread, 2);
        await host.EditedToAsync(started, "passed in");
        Assert.Equal("checkout", Assert.Single(await host.RunsAsync()).Summary.Split(' ')[1]);
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient http, string body, long timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", signature);
        return http.SendAsync(request);
    }
}
