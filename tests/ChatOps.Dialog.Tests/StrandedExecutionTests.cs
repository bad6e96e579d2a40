using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Dialog.State;
using ChatOps.Dialog.Tests.Fakes;

namespace ChatOps.Dialog.Tests;

/// <summary>A process that dies between saving Executing and saving the outcome must not leave the conversation answering "already running" forever.</summary>
public class StrandedExecutionTests
{
    [Fact]
    public async Task A_request_interrupted_by_a_restart_is_released_as_failed_and_never_run_again()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "", confirm));

        chat.NewHandler();
        Assert.Contains("will not run twice", await chat.Say("alice", "yes"), StringComparison.Ordinal);

        chat.Time.Advance(TimeSpan.FromMinutes(3));
        var released = await chat.Say("alice", "is it done?");
        Assert.Contains("I restarted while starting *deploy checkout → prod*", released, StringComparison.Ordinal);
        Assert.Contains("CHATOPS_REQUEST=", released, StringComparison.Ordinal);
        Assert.Contains(chat.Audit.Rows, r => r.Event.Outcome == "interrupted");
        Assert.Contains("already", await chat.Press("alice", confirm), StringComparison.Ordinal);
        // the release asked once, in recovery mode (which starts nothing), for a run to adopt; nothing was executed
        Assert.True(Assert.Single(chat.Executor.Executed).Recovering);

        await chat.Say("alice", "deploy checkout to prod");
        await chat.Press("alice", chat.Button("confirm:"));
        Assert.Single(chat.Executor.Executed, r => !r.Recovering);
    }

    [Fact]
    public async Task A_slow_execution_in_this_process_is_not_mistaken_for_an_interrupted_one()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "", confirm));
        chat.Time.Advance(TimeSpan.FromSeconds(90));
        Assert.Contains("will not run twice", await chat.Say("alice", "status?"), StringComparison.Ordinal);
        Assert.Equal(DialogState.Executing, ConversationJson.Read((await chat.Store.LoadAsync(chat.Key, default))!.StateJson).State);
    }

    [Fact]
    public async Task An_interrupted_lookup_is_released_with_a_plain_ask_again()
    {
        var chat = new ChatScript();
        await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "what pods are running for cart in uat"));
        chat.Time.Advance(TimeSpan.FromMinutes(3));
        var released = await chat.Say("alice", "hello?");
        Assert.Contains("ask again and I will look it up", released, StringComparison.Ordinal);
        Assert.DoesNotContain("CHATOPS_REQUEST", released, StringComparison.Ordinal);
        await chat.Say("alice", "what pods are running for cart in uat");
        Assert.Equal(IntentNames.K8sPods, Assert.Single(chat.Executor.Executed, r => !r.Recovering).Command.Intent);
    }

    [Fact]
    public async Task An_interrupted_deploy_that_did_start_is_adopted_and_announced_as_a_run()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "", confirm));
        chat.Time.Advance(TimeSpan.FromMinutes(3));
        var finder = new FindingExecutor();
        var handler = new TurnHandler(ChatScript.SharedParser.Value, finder, chat.Store, chat.Defaults, chat.Claims, ChatScript.Catalog,
            new DialogOptions { Policy = ChatScript.OpenPolicy }, chat.Time, chat.Audit);

        var replies = await handler.HandleAsync(new Core.Chat.IncomingTurn(chat.Key, "alice", "did it start?"), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Contains("pipeline #90211", reply.Text, StringComparison.Ordinal);
        Assert.Equal(confirm.Split(':')[1], reply.RunId);
        Assert.True(Assert.Single(finder.Asked).Recovering);
        Assert.Equal(DialogState.Done, ConversationJson.Read((await chat.Store.LoadAsync(chat.Key, default))!.StateJson).State);
        Assert.Contains(chat.Audit.Rows, r => r.Event.Outcome == "recovered");
    }

    [Fact]
    public async Task The_sweep_settles_an_interrupted_request_without_anyone_writing_and_only_once_it_is_due()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        var confirm = chat.Button("confirm:");
        await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "", confirm));
        chat.NewHandler();

        chat.Time.Advance(TimeSpan.FromSeconds(90));
        Assert.Empty(await chat.Handler.SweepDueAsync(CancellationToken.None));
        Assert.Empty(chat.Executor.Executed);

        chat.Time.Advance(TimeSpan.FromSeconds(31));
        var (key, reply) = Assert.Single(await chat.Handler.SweepDueAsync(CancellationToken.None));
        Assert.Equal(chat.Key, key);
        Assert.Contains("I restarted while starting *deploy checkout → prod*", reply.Text, StringComparison.Ordinal);
        Assert.Equal(DialogState.Failed, ConversationJson.Read((await chat.Store.LoadAsync(chat.Key, default))!.StateJson).State);
        Assert.Contains(chat.Audit.Rows, r => r.Event.Outcome == "interrupted" && r.Event.Actor == TurnHandler.SweepUser);
        Assert.Empty(await chat.Handler.SweepDueAsync(CancellationToken.None));
        Assert.True(Assert.Single(chat.Executor.Executed).Recovering);
    }

    [Fact]
    public async Task A_sweeps_reply_lost_with_its_process_is_posted_by_a_later_sweep_and_a_delivered_one_is_not()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "", chat.Button("confirm:")));
        chat.NewHandler();
        chat.Time.Advance(TimeSpan.FromMinutes(3));
        var (_, first) = Assert.Single(await chat.Handler.SweepDueAsync(CancellationToken.None));

        // the process dies before posting it; a new one sweeps
        chat.NewHandler();
        Assert.Empty(await chat.Handler.SweepDueAsync(CancellationToken.None));
        chat.Time.Advance(new DialogOptions().RedeliverAfter + TimeSpan.FromSeconds(1));
        var (key, again) = Assert.Single(await chat.Handler.SweepDueAsync(CancellationToken.None));
        Assert.Equal(first.Text, again.Text);
        Assert.Single(chat.Executor.Executed);

        await chat.Handler.DeliveredAsync(key, Core.Chat.Deliveries.Of([again]), CancellationToken.None);
        chat.Time.Advance(new DialogOptions().RedeliverAfter * 2);
        Assert.Empty(await chat.Handler.SweepDueAsync(CancellationToken.None));
        Assert.Null(ConversationJson.Read((await chat.Store.LoadAsync(chat.Key, default))!.StateJson).Outbox);
    }

    [Fact]
    public async Task A_fresh_interrupted_request_may_be_resumed_and_a_stale_one_may_not()
    {
        foreach (var (wait, mayResume) in new[] { (TimeSpan.FromMinutes(3), true), (TimeSpan.FromMinutes(6), false) })
        {
            var chat = new ChatScript();
            await chat.Say("alice", "deploy checkout to prod");
            await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "", chat.Button("confirm:")));
            chat.Executor.OnRecover = r => r.MayResume
                ? new ExecutionResult(true, "GitLab shows it never started, so I started it now: pipeline #7", new RunHandle("gitlab", "shop/checkout/pipelines/7", null, "created"))
                : ExecutionResult.AlreadyClaimed(r.Key);
            chat.Time.Advance(wait);

            var (_, reply) = Assert.Single(await chat.Handler.SweepDueAsync(CancellationToken.None));

            Assert.Equal(mayResume, Assert.Single(chat.Executor.Executed).MayResume);
            Assert.Equal(mayResume, reply.Text.Contains("pipeline #7", StringComparison.Ordinal));
            Assert.Equal(mayResume, reply.RunId is not null);
        }
    }

    [Fact]
    public async Task An_interrupted_lookup_is_answered_again_by_the_sweep()
    {
        var chat = new ChatScript();
        await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "what pods are running for cart in uat"));
        chat.Executor.OnRecover = r => new ExecutionResult(true, $"3 pods of {r.Command.Service} in {r.Command.Environment}");
        chat.Time.Advance(TimeSpan.FromMinutes(3));

        var replies = (await chat.Handler.SweepDueAsync(CancellationToken.None)).Select(r => r.Reply.Text).ToList();

        Assert.Equal(2, replies.Count);
        Assert.Contains("I restarted while answering", replies[0], StringComparison.Ordinal);
        Assert.Equal("3 pods of cart in uat", replies[1]);
        Assert.Equal(DialogState.Done, ConversationJson.Read((await chat.Store.LoadAsync(chat.Key, default))!.StateJson).State);
    }

    [Fact]
    public async Task A_message_while_it_has_been_running_long_says_when_the_bot_will_check()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout to prod");
        await DieWhileExecutingAsync(chat, new Core.Chat.IncomingTurn(chat.Key, "alice", "", chat.Button("confirm:")));
        Assert.DoesNotContain("will ask the backend", await chat.Say("alice", "done?"), StringComparison.Ordinal);
        chat.Time.Advance(TimeSpan.FromSeconds(30));
        // the clock of ChatScript starts at 10:00:00 UTC; the request counts as stranded two minutes after it started
        Assert.Contains("I will ask the backend at 10:02:00 UTC", await chat.Say("alice", "done?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_execution_that_outlives_half_the_stranded_time_is_given_up_with_a_failure_that_says_it_may_have_started()
    {
        var chat = new ChatScript(executor: new RecordingExecutor());
        var hanging = new HangingExecutor();
        var handler = new TurnHandler(ChatScript.SharedParser.Value, hanging, chat.Store, chat.Defaults, chat.Claims, ChatScript.Catalog,
            new DialogOptions { Policy = ChatScript.OpenPolicy, StrandedAfter = TimeSpan.FromMinutes(2) }, chat.Time, chat.Audit);
        var turn = handler.HandleAsync(new Core.Chat.IncomingTurn(chat.Key, "alice", "deploy checkout to uat"), CancellationToken.None);
        await hanging.Called.Task;
        chat.Time.Advance(TimeSpan.FromSeconds(61));

        var reply = Assert.Single(await turn);

        Assert.Contains("did not answer within 60 s", reply.Text, StringComparison.Ordinal);
        Assert.Equal(DialogState.Failed, ConversationJson.Read((await chat.Store.LoadAsync(chat.Key, default))!.StateJson).State);
    }

    /// <summary>A backend call that never returns until it is cancelled.</summary>
    private sealed class HangingExecutor : ICommandExecutor
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlySet<string> SupportedIntents { get; } = IntentNames.All.ToHashSet();

        public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken) => Task.FromResult(new ExecutionPlan(true, "plan"));

        public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
        {
            Called.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new ExecutionResult(true, "never");
        }
    }

    /// <summary>Finds the run an interrupted request started, as the router does against GitLab; starts nothing.</summary>
    private sealed class FindingExecutor : ICommandExecutor
    {
        public List<ExecutionRequest> Asked { get; } = [];

        public IReadOnlySet<string> SupportedIntents { get; } = IntentNames.All.ToHashSet();

        public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken) => Task.FromResult(new ExecutionPlan(true, "plan"));

        public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken)
        {
            Asked.Add(request);
            return Task.FromResult(request.Recovering
                ? new ExecutionResult(true, "GitLab shows the pipeline it created: pipeline #90211 is running", new RunHandle("gitlab", "shop/checkout/pipelines/90211", null, "running"))
                : new ExecutionResult(false, "not in this test"));
        }
    }

    /// <summary>Handles <paramref name="turn"/> on the script's stores with a process that dies inside the backend call.</summary>
    private static async Task DieWhileExecutingAsync(ChatScript chat, Core.Chat.IncomingTurn turn)
    {
        var dying = new TurnHandler(ChatScript.SharedParser.Value, new DyingExecutor(), chat.Store, chat.Defaults, chat.Claims, ChatScript.Catalog,
            new DialogOptions { Policy = ChatScript.OpenPolicy }, chat.Time, chat.Audit);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.HandleAsync(turn, CancellationToken.None));
    }

    /// <summary>The process dies inside the backend call: nothing after it runs (modelled as cancellation escaping the turn).</summary>
    private sealed class DyingExecutor : ICommandExecutor
    {
        public IReadOnlySet<string> SupportedIntents { get; } = IntentNames.All.ToHashSet();

        public Task<ExecutionPlan> PlanAsync(ChatCommand command, CancellationToken cancellationToken) => Task.FromResult(new ExecutionPlan(true, "plan"));

        public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("the process was killed");
    }
}
