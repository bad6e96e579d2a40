using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Tests.Fakes;

namespace ChatOps.Dialog.Tests;

public class ConversationTests
{
    [Fact]
    public async Task User_defaults_fill_the_gaps_before_asking()
    {
        var chat = new ChatScript();
        Assert.Contains("your default service is now `checkout`", await chat.Say("alice", "use checkout"), StringComparison.Ordinal);
        await chat.Say("alice", "deploy to uat");
        Assert.Equal(("checkout", "uat"), (chat.Executor.Executed.Single().Command.Service, chat.Executor.Executed.Single().Command.Environment));
        Assert.Contains("service checkout", await chat.Say("alice", "which app am I on?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_defaults_apply_to_everyone_in_the_channel_and_user_defaults_win()
    {
        var chat = new ChatScript();
        Assert.Contains("in this channel the default service is now `payments`", await chat.Say("bob", "in this channel the service is payments"), StringComparison.Ordinal);
        await chat.Say("alice", "deploy to uat");
        Assert.Equal("payments", chat.Executor.Executed.Last().Command.Service);
        await chat.Say("carol", "use cart");
        await chat.Say("carol", "deploy to uat");
        Assert.Equal("cart", chat.Executor.Executed.Last().Command.Service);
    }

    [Fact]
    public async Task Same_as_last_time_repeats_the_last_command_for_confirmation()
    {
        var chat = new ChatScript();
        await chat.Say("alice", "deploy cart to uat");
        Assert.Contains("Please confirm: *deploy cart → uat*", await chat.Say("alice", "same as last time"), StringComparison.Ordinal);
        await chat.Say("alice", "yes");
        Assert.Equal(2, chat.Executor.Executed.Count);
        Assert.Equal(2, chat.Executor.Executed.Select(e => e.Key).Distinct().Count());
        Assert.Contains("还没有可以重复的命令", await new ChatScript().Say("zoe", "和上次一样"), StringComparison.Ordinal);
        Assert.Contains("no earlier command", await new ChatScript().Say("zoe", "same as last time"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_intents_are_clarified_with_a_question_and_the_choice_continues()
    {
        var parser = new FixedParser(new ParseResult("deploy or roll back cart in prod?", "deploy", 0.46f,
            [new("deploy", 0.46f), new("rollback", 0.41f), new("help", 0.13f)], new ParsedEntities { Services = ["cart"], Environment = "prod" }));
        var chat = new ChatScript(parser: parser);
        Assert.Contains("Did you mean *deploy* or *rollback*?", await chat.Say("alice", "deploy or roll back cart in prod?"), StringComparison.Ordinal);
        await chat.Press("alice", "intent:rollback");
        Assert.Contains("Please confirm: *rollback cart → prod*", chat.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Low_confidence_suggests_the_closest_commands_instead_of_acting()
    {
        var parser = new FixedParser(new ParseResult("do the thing with logs", "k8s.logs", 0.3f,
            [new("k8s.logs", 0.3f), new("k8s.events", 0.25f), new("out_of_scope", 0.2f)], ParsedEntities.Empty));
        var chat = new ChatScript(parser: parser);
        var text = await chat.Say("alice", "do the thing with logs");
        Assert.Contains("not sure", text, StringComparison.Ordinal);
        Assert.Contains("*k8s.logs*", text, StringComparison.Ordinal);
        Assert.Empty(chat.Executor.Executed);
    }

    [Fact]
    public async Task Help_lists_only_what_the_executor_serves_and_answers_how_do_I()
    {
        var supported = IntentNames.All.Where(i => !i.StartsWith("workflow.", StringComparison.Ordinal)).ToHashSet();
        var chat = new ChatScript(executor: new RecordingExecutor(supported));
        var help = await chat.Say("alice", "help");
        Assert.Contains("*deploy*", help, StringComparison.Ordinal);
        Assert.Contains("*k8s.scale*", help, StringComparison.Ordinal);
        Assert.DoesNotContain("workflow.run", help, StringComparison.Ordinal);
        var how = await chat.Say("alice", "how do I roll back a service?");
        Assert.StartsWith("To *rollback*", how, StringComparison.Ordinal);
        Assert.Contains("roll back cart in prod", how, StringComparison.Ordinal);
        Assert.Contains("I can't do *workflow.run* here", await chat.Say("alice", "run zadig workflow devops-uat"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Greetings_and_thanks_get_a_short_answer()
    {
        var chat = new ChatScript();
        Assert.Contains("Tell me what to run", await chat.Say("alice", "hi there"), StringComparison.Ordinal);
        Assert.Contains("不客气", await chat.Say("alice", "谢谢"), StringComparison.Ordinal);
    }

    private sealed class FixedParser(ParseResult result) : IMessageParser
    {
        public ParseResult Parse(string text) => result;

        public ParsedEntities ExtractEntities(string text, string intent) => ParsedEntities.Empty;
    }
}
