namespace ChatOps.Dialog.Tests;

public class SlotFillingTests
{
    [Fact]
    public async Task Missing_environment_is_asked_with_choices_and_a_free_text_answer_fills_it()
    {
        var chat = new ChatScript();
        Assert.Contains("Which environment?", await chat.Say("alice", "deploy checkout please"), StringComparison.Ordinal);
        Assert.Equal(["dev", "qa", "uat", "staging", "prod"], chat.Last.SelectMany(r => r.Buttons).Select(b => b.Label));
        Assert.Empty(chat.Executor.Executed);

        await chat.Say("alice", "the uat one");
        var run = Assert.Single(chat.Executor.Executed);
        Assert.Equal(("deploy", "checkout", "uat"), (run.Command.Intent, run.Command.Service, run.Command.Environment));
        Assert.Contains("started deploy of checkout in uat", chat.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_details_are_collected_over_several_turns_by_button_and_by_number()
    {
        var chat = new ChatScript();
        Assert.Contains("Which service?", await chat.Say("alice", "scale to 4 replicas"), StringComparison.Ordinal);
        await chat.Press("alice", chat.Button("choice:service:orders"));
        Assert.Contains("Which environment?", chat.Text, StringComparison.Ordinal);
        await chat.Say("alice", "2");
        Assert.Contains("Please confirm", chat.Text, StringComparison.Ordinal);
        Assert.Contains("k8s.scale orders → qa × 4", chat.Text, StringComparison.Ordinal);
        await chat.Say("alice", "yes");
        var run = Assert.Single(chat.Executor.Executed);
        Assert.Equal((4, "qa"), (run.Command.Slots.Replicas, run.Command.Environment));
    }

    [Fact]
    public async Task An_answer_that_is_not_a_choice_is_refused_and_the_question_stays()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "restart orders");
        Assert.Contains("is not one of the choices", await chat.Say("alice", "mars"), StringComparison.Ordinal);
        Assert.Contains("Please confirm", await chat.Say("alice", "prod"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Never_mind_drops_the_request_and_nothing_runs()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout");
        Assert.Contains("Cancelled", await chat.Say("alice", "never mind"), StringComparison.Ordinal);
        Assert.Contains("nothing waiting", await chat.Say("alice", "yes"), StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
    }

    [Fact]
    public async Task Chinese_messages_get_Chinese_questions_and_a_Chinese_cancel_works()
    {
        var chat = new ChatScript();
        Assert.Contains("哪个环境", await chat.Say("alice", "帮我发布一下订单服务"), StringComparison.Ordinal);
        Assert.Contains("已取消", await chat.Say("alice", "算了"), StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
    }

    [Fact]
    public async Task A_new_command_mid_way_replaces_the_pending_one()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy checkout");
        await chat.Say("alice", "show me the pods of cart in staging");
        var run = Assert.Single(chat.Executor.Executed);
        Assert.Equal(("k8s.pods", "cart", "staging"), (run.Command.Intent, run.Command.Service, run.Command.Environment));
    }

    [Fact]
    public async Task A_command_the_executor_cannot_plan_is_refused_with_its_reason()
    {
        var catalogWithGhost = new ChatScript();
        await catalogWithGhost.Say("alice", "what's the weather");
        Assert.Contains("not something I can do", catalogWithGhost.Text, StringComparison.Ordinal);
        Assert.Contains("help", catalogWithGhost.Text, StringComparison.Ordinal);
    }
}
