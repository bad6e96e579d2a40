using ChatOps.Adapters.Console;
using ChatOps.Core.Chat;
using Spectre.Console;

namespace ChatOps.Adapters.Tests.Console;

public class ConsoleChatAdapterTests
{
    /// <summary>Answers every text with Confirm/Cancel buttons and records what it was given.</summary>
    private sealed class ScriptedHandler : ITurnHandler
    {
        public List<IncomingTurn> Turns { get; } = [];

        public List<string> Delivered { get; } = [];

        public Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn, CancellationToken cancellationToken)
        {
            Turns.Add(turn);
            IReadOnlyList<Reply> replies = turn.ActionId is { } action
                ? [new Reply($"pressed {action} as {turn.UserId}", [], "en", Ephemeral: turn.UserId == "bob")]
                : [new Reply($"Please confirm: *deploy* `checkout` for <@{turn.UserId}> [sic]", [new("Confirm", "confirm:1", ButtonStyle.Danger), new("Cancel", "cancel:1")], "en", false, "line1\nline2",
                    DeliveryId: "prompt-" + Turns.Count)];
            return Task.FromResult(replies);
        }

        public Task DeliveredAsync(ConversationKey conversation, IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken)
        {
            Delivered.AddRange(deliveryIds);
            return Task.CompletedTask;
        }
    }

    private static (ScriptedHandler Handler, string Output) Run(string input)
    {
        var handler = new ScriptedHandler();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 1000;
        new ConsoleChatAdapter(handler, console, new StringReader(input), new ConsoleOptions()).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        return (handler, output.ToString());
    }

    [Fact]
    public void Piped_lines_become_turns_and_numbers_press_the_numbered_buttons()
    {
        var (handler, output) = Run("deploy checkout to prod\n/as bob\n2\n/as alice\n1\n2\n/quit\nnever read\n");
        Assert.Equal(4, handler.Turns.Count);
        Assert.Equal(("alice", "deploy checkout to prod", (string?)null), (handler.Turns[0].UserId, handler.Turns[0].Text, handler.Turns[0].ActionId));
        Assert.Equal(("bob", "cancel:1"), (handler.Turns[1].UserId, handler.Turns[1].ActionId));
        Assert.Equal(("alice", "confirm:1"), (handler.Turns[2].UserId, handler.Turns[2].ActionId));
        Assert.Equal(("2", (string?)null), (handler.Turns[3].Text, handler.Turns[3].ActionId));
        Assert.Contains("[1] Confirm  [2] Cancel", output, StringComparison.Ordinal);
        Assert.Contains("pressed confirm:1 as alice", output, StringComparison.Ordinal);
        Assert.Contains("you are now bob", output, StringComparison.Ordinal);
        Assert.Contains("(only you) pressed cancel:1 as bob", output, StringComparison.Ordinal);
        Assert.DoesNotContain("never read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_shown_on_screen_are_reported_posted_so_the_sweep_does_not_show_them_again()
    {
        var (handler, output) = Run("deploy checkout to prod\nand again\n");
        Assert.Contains("Please confirm", output, StringComparison.Ordinal);
        Assert.Equal(["prompt-1", "prompt-2"], handler.Delivered);
    }

    [Fact]
    public void Chat_marks_render_as_text_without_markup_leaking_and_attachments_are_saved()
    {
        var (_, output) = Run("hello\n");
        Assert.Contains("Please confirm: deploy checkout for @alice [sic]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        var path = output.Split("saved to ")[1].Split('\n')[0].Trim();
        Assert.Equal("line1\nline2", File.ReadAllText(path));
    }

    [Fact]
    public void Console_help_lists_its_commands_and_sends_nothing_to_the_bot()
    {
        var (handler, output) = Run("/help\n");
        Assert.Empty(handler.Turns);
        Assert.Contains("/as NAME", output, StringComparison.Ordinal);
        Assert.Contains("/quit", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_characters_typed_by_people_are_escaped()
    {
        Assert.Equal("[[red]]x[[/]] [bold]b[/] [cyan]c[/]", ConsoleRenderer.ToMarkup("[red]x[/] *b* `c`"));
    }
}

public class LineEditorTests
{
    private static string? Type(IReadOnlyList<string> history, params ConsoleKeyInfo[] keys)
    {
        var queue = new Queue<ConsoleKeyInfo>(keys);
        return new LineEditor(history).ReadLine(queue.Dequeue, (_, _) => { });
    }

    private static ConsoleKeyInfo K(ConsoleKey key, char c = '\0', bool control = false) => new(c, key, false, false, control);

    private static ConsoleKeyInfo C(char c) => new(c, ConsoleKey.A, false, false, false);

    [Fact]
    public void Up_arrow_recalls_earlier_lines_and_edits_apply_at_the_cursor()
    {
        string[] history = ["deploy cart to uat", "restart orders in prod"];
        Assert.Equal("restart orders in prod", Type(history, K(ConsoleKey.UpArrow), K(ConsoleKey.Enter)));
        Assert.Equal("deploy cart to uat", Type(history, K(ConsoleKey.UpArrow), K(ConsoleKey.UpArrow), K(ConsoleKey.Enter)));
        Assert.Equal("deploy cart to qa", Type(history, K(ConsoleKey.UpArrow), K(ConsoleKey.UpArrow), K(ConsoleKey.Backspace), K(ConsoleKey.Backspace), K(ConsoleKey.Backspace), C('q'), C('a'), K(ConsoleKey.Enter)));
        Assert.Equal("xab", Type(history, C('a'), C('b'), K(ConsoleKey.Home), C('x'), K(ConsoleKey.Enter)));
        Assert.Null(Type(history, K(ConsoleKey.D, 'd', control: true)));
    }
}
