using System.Text;

namespace ChatOps.Language.TrainingData;

/// <summary>Reads the inline marks of a training line: "deploy [checkout](service) to [prdo](environment:prod)".</summary>
public static class AnnotationParser
{
    /// <summary>The plain text and its spans; throws <see cref="FormatException"/> saying what is wrong with a mark.</summary>
    public static (string Text, List<AnnotatedSpan> Spans) Parse(string line)
    {
        var text = new StringBuilder(line.Length);
        var spans = new List<AnnotatedSpan>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] != '[')
            {
                text.Append(line[i++]);
                continue;
            }

            var close = line.IndexOf("](", i, StringComparison.Ordinal);
            var end = close < 0 ? -1 : line.IndexOf(')', close + 2);
            if (close < 0 || end < 0 || line.IndexOf('[', i + 1, close - i - 1) >= 0)
            {
                // A bracket that is no mark ("[WIP] deploy ...") stays text.
                text.Append(line[i++]);
                continue;
            }

            var spanText = line[(i + 1)..close];
            var label = line[(close + 2)..end];
            var colon = label.IndexOf(':');
            var entity = (colon < 0 ? label : label[..colon]).Trim();
            var value = colon < 0 ? null : label[(colon + 1)..].Trim();
            if (spanText.Length == 0) throw new FormatException($"empty mark before ({label})");
            if (entity.Length == 0) throw new FormatException($"mark [{spanText}] has no entity name");
            spans.Add(new AnnotatedSpan(text.Length, spanText.Length, entity, spanText, value));
            text.Append(spanText);
            i = end + 1;
        }

        return (text.ToString(), spans);
    }

    /// <summary>The line again with its marks, the inverse of <see cref="Parse"/>.</summary>
    public static string Format(string text, IReadOnlyList<AnnotatedSpan> spans)
    {
        var sb = new StringBuilder(text.Length + spans.Count * 12);
        var at = 0;
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            sb.Append(text, at, s.Start - at).Append('[').Append(text, s.Start, s.Length).Append("](").Append(s.Entity);
            if (s.Value is not null) sb.Append(':').Append(s.Value);
            sb.Append(')');
            at = s.Start + s.Length;
        }

        return sb.Append(text, at, text.Length - at).ToString();
    }
}
