using System.Text;

namespace ChatOps.Adapters.Slack.Blocks;

/// <summary>Cuts escaped mrkdwn into section-sized pieces at line breaks, closing and reopening a ``` block that spans a cut.</summary>
internal static class SectionSplitter
{
    private const string Fence = "```";

    public static List<string> Split(string text, int limit)
    {
        var budget = limit - 2 * (Fence.Length + 1);
        var pieces = new List<string>();
        var current = new StringBuilder();
        var inFence = false;
        var startedInFence = false;

        void Flush()
        {
            if (current.Length == 0) return;
            var body = current.ToString();
            if (startedInFence) body = Fence + "\n" + body;
            if (inFence) body += "\n" + Fence;
            if (body.Trim().Length > 0) pieces.Add(body);
            current.Clear();
            startedInFence = inFence;
        }

        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            if (rest.Length > budget)
            {
                Flush();
                while (rest.Length > budget)
                {
                    var cut = Mrkdwn.SafeCut(rest, budget);
                    current.Append(rest.AsSpan(0, cut));
                    rest = rest[cut..];
                    Flush();
                }
            }

            if (current.Length > 0 && current.Length + 1 + rest.Length > budget) Flush();
            if (current.Length > 0) current.Append('\n');
            current.Append(rest);
            if (CountFences(line) % 2 == 1) inFence = !inFence;
        }

        Flush();
        return pieces;
    }

    private static int CountFences(string line)
    {
        var count = 0;
        for (var i = line.IndexOf(Fence, StringComparison.Ordinal); i >= 0; i = line.IndexOf(Fence, i + Fence.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
