using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Dialog.State;

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
        Assert.Equal(IntentNames.K8sPods, Assert.Single(chat.Executor.Executed).Command.Intent);
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
        Assert.Contains(chat.Audit.Rows, r => r.Event.Outcome == "adopted");
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
