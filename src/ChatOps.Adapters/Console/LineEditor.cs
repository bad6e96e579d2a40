using System.Text;

namespace ChatOps.Adapters.Console;

/// <summary>Reads a line on a real terminal with editing and history (↑/↓, ←/→, Home/End, Backspace/Delete).</summary>
public sealed class LineEditor(IReadOnlyList<string> history)
{
    /// <summary>The typed line, or null when the input ended (Ctrl+D on an empty line).</summary>
    public string? ReadLine(Func<ConsoleKeyInfo> readKey, Action<string, int> redraw)
    {
        var line = new StringBuilder();
        var cursor = 0;
        var index = history.Count;
        while (true)
        {
            var key = readKey();
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return line.ToString();
                case ConsoleKey.Backspace when cursor > 0:
                    line.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < line.Length:
                    line.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < line.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = line.Length;
                    break;
                case ConsoleKey.UpArrow when index > 0:
                case ConsoleKey.DownArrow when index < history.Count:
                    index += key.Key == ConsoleKey.UpArrow ? -1 : 1;
                    line.Clear().Append(index < history.Count ? history[index] : "");
                    cursor = line.Length;
                    break;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && line.Length == 0:
                    return null;
                default:
                    if (key.KeyChar >= ' ')
                    {
                        line.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            redraw(line.ToString(), cursor);
        }
    }
}
