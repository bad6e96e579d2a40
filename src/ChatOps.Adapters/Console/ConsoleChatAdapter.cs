using System.Globalization;
using ChatOps.Core.Chat;
using Spectre.Console;

namespace ChatOps.Adapters.Console;

/// <summary>
/// The console chat: type as in Slack, answer buttons by number, `/as bob` to become someone else.
/// Works on a terminal (colours, history) and on piped input (plain text, for scripted demos and tests).
/// </summary>
/// <remarks>Replies go through <see cref="ConsoleMessages"/>, which also prints the run tracker's updates; at the end of piped input the
/// console waits (up to <see cref="ConsoleOptions.RunWaitTimeout"/>) for the runs it started, so a scripted deploy shows how it ended.</remarks>
public sealed class ConsoleChatAdapter(ITurnHandler handler, IAnsiConsole console, TextReader input, ConsoleOptions options, ConsoleMessages? messages = null)
{
    private readonly ConsoleMessages _output = messages ?? new ConsoleMessages(console, []);
    private readonly List<string> _history = [];
    private IReadOnlyList<ReplyButton> _buttons = [];
    private string _user = options.User;
    private int _messages;

    /// <summary>The simulated user the next line is typed as.</summary>
    public string User => _user;

    /// <summary>Reads lines until /quit or end of input; each becomes a turn, each number a button press.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        console.MarkupLine("[bold]ChatOps console[/]: type as you would in Slack. [grey]/help for console commands, /quit to leave.[/]");
        if (options.Banner is { } banner) console.MarkupLine("[grey]" + Markup.Escape(banner) + "[/]");
        while (!cancellationToken.IsCancellationRequested)
        {
            var prompt = $"[yellow]{Markup.Escape(_user)}>[/] ";
            console.Markup(prompt);
            var interactive = ReferenceEquals(input, System.Console.In) && !System.Console.IsInputRedirected;
            var line = interactive ? ReadInteractive(prompt) : await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                await WaitForRunsAsync(cancellationToken);
                break;
            }

            if (!interactive) console.WriteLine(line);
            if (!await HandleLineAsync(line.Trim(), cancellationToken)) break;
        }
    }

    private async Task WaitForRunsAsync(CancellationToken cancellationToken)
    {
        if (_output.ActiveRuns == 0) return;
        console.MarkupLine($"[grey]waiting up to {options.RunWaitTimeout.TotalSeconds:0} s for {_output.ActiveRuns} run(s) to finish…[/]");
        if (!await _output.WaitForRunsAsync(options.RunWaitTimeout, cancellationToken))
        {
            console.MarkupLine("[grey]still running; the bot keeps following it and `chatops runs` shows where it is[/]");
        }
    }

    private string? ReadInteractive(string prompt)
    {
        var (typed, at) = ("", 0);
        void Redraw()
        {
            // Redraw the whole prompt line: simple and right for any edit in the middle of it.
            System.Console.Write("\r\u001b[K");
            console.Markup(prompt);
            console.Write(typed);
            var back = typed.Length - at;
            if (back > 0) System.Console.Write($"\u001b[{back}D");
        }

        // why: a run's update may arrive while the person types; it prints above the line being typed instead of inside it
        _output.Typing(write =>
        {
            System.Console.Write("\r\u001b[K");
            write();
            Redraw();
        });
        try
        {
            var line = new LineEditor(_history).ReadLine(() => System.Console.ReadKey(intercept: true), (text, cursor) =>
            {
                (typed, at) = (text, cursor);
                _output.Exclusive(Redraw);
            });
            console.WriteLine();
            return line;
        }
        finally
        {
            _output.Typing(null);
        }
    }

    /// <summary>Handles one typed line; false when the user asked to leave.</summary>
    public async Task<bool> HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        if (line.Length == 0) return true;
        _history.Add(line);
        if (line.StartsWith('/')) return HandleConsoleCommand(line);
        var key = new ConversationKey(options.Workspace, options.Channel, "main");
        var source = new MessageRef(options.Channel, (++_messages).ToString(CultureInfo.InvariantCulture));
        var turn = int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= _buttons.Count
            ? new IncomingTurn(key, _user, "", _buttons[n - 1].ActionId, source)
            : new IncomingTurn(key, _user, line, null, source);
        IReadOnlyList<Reply> replies;
        try
        {
            replies = await handler.HandleAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            replies = [Reply.Plain($"Something went wrong on my side ({ex.Message}); nothing was run.")];
        }

        var buttons = await _output.ShowTurnAsync(replies, cancellationToken);
        try
        {
            await handler.DeliveredAsync(key, Deliveries.Of(replies), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // why: the answer is on screen; without the note the sweep shows it once more a minute later, which is better than failing the line
            console.MarkupLine($"[grey]could not note the answer as shown ({Markup.Escape(ex.Message)})[/]");
        }
        // A reply only the sender sees ("only @alice can confirm") leaves the conversation's buttons where they were.
        if (replies.Any(r => !r.Ephemeral)) _buttons = buttons;
        return true;
    }

    private bool HandleConsoleCommand(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (parts[0].ToLowerInvariant())
        {
            case "/quit" or "/exit" or "/q":
                return false;
            case "/as" when parts.Length == 2:
                _user = parts[1];
                console.MarkupLine($"[grey]you are now {Markup.Escape(_user)}[/]");
                return true;
            case "/history":
                for (var i = 0; i < _history.Count - 1; i++) console.MarkupLine($"[grey]{i + 1,3}[/] {Markup.Escape(_history[i])}");
                return true;
            default:
                console.MarkupLine("[grey]/as NAME[/]  type as another person (e.g. a second person to approve)");
                console.MarkupLine("[grey]/history[/]  what you typed so far");
                console.MarkupLine("[grey]/quit[/]     leave");
                console.MarkupLine("[grey]N[/]         press button N of the last answer; anything else is a chat message (try `help`)");
                return true;
        }
    }
}
