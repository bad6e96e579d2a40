using System.Text;

namespace ChatOps.Executors.Chat;

/// <summary>Renders rows as an aligned monospace table inside a code block, the way kubectl prints.</summary>
internal static class ChatTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, i) => all.Max(r => i < r.Count ? r[i].Length : 0)).ToArray();
        var text = new StringBuilder("```\n");
        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var i = 0; i < headers.Count; i++)
            {
                var cell = i < row.Count ? row[i] : "";
                line.Append(i == headers.Count - 1 ? cell : cell.PadRight(widths[i] + 3));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.Append("```").ToString();
    }
}
