using System.Text.RegularExpressions;
using ChatOps.Core.Chat;
using Spectre.Console;

namespace ChatOps.Adapters.Console;

/// <summary>Draws replies in a terminal: *bold* and `code` marks as styles, buttons and choices as numbered options.</summary>
public sealed partial class ConsoleRenderer(IAnsiConsole console)
{
    [GeneratedRegex(@"\*([^*\n]+)\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"<@([^>]+)>")]
    private static partial Regex Mention();

    /// <summary>Writes the replies and returns the buttons in the order they were numbered.</summary>
    public IReadOnlyList<ReplyButton> Render(IReadOnlyList<Reply> replies)
    {
        var numbered = new List<ReplyButton>();
        foreach (var reply in replies)
        {
            var prefix = reply.Ephemeral ? "[grey](only you)[/] " : "";
            console.MarkupLine("[green]bot[/] " + prefix + ToMarkup(reply.Text));
            if (reply.Attachment is { } attachment)
            {
                var path = Path.Combine(Path.GetTempPath(), $"chatops-{Guid.NewGuid():N}.txt");
                File.WriteAllText(path, attachment);
                console.MarkupLine($"    [grey]full output ({attachment.Split('\n').Length} lines) saved to {Markup.Escape(path)}[/]");
            }

            if (reply.Buttons.Count == 0) continue;
            var options = reply.Buttons.Select(b =>
            {
                numbered.Add(b);
                var color = b.Style switch { ButtonStyle.Danger => "red", ButtonStyle.Primary => "blue", _ => "white" };
                return $"[{color}][[{numbered.Count}]] {Markup.Escape(b.Label)}[/]";
            });
            console.MarkupLine("    " + string.Join("  ", options));
        }

        return numbered;
    }

    /// <summary>Chat marks to Spectre markup, with everything else escaped.</summary>
    public static string ToMarkup(string text)
    {
        // Code fences frame tables and logs in Slack; a terminal shows the monospace text as it is.
        text = string.Join('\n', text.Split('\n').Where(line => line.Trim() != "```"));
        var escaped = Markup.Escape(text);
        escaped = Mention().Replace(escaped, "@$1");
        escaped = Code().Replace(escaped, "[cyan]$1[/]");
        return Bold().Replace(escaped, "[bold]$1[/]");
    }
}
