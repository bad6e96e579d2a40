namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A parsed label selector: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k, joined by commas.</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    public static bool TryParse(string? text, out LabelSelector selector, out string error)
    {
        selector = new LabelSelector();
        error = "";
        foreach (var raw in Split(text ?? ""))
        {
            var part = raw.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            if (!selector.TryAdd(part))
            {
                error = $"unable to parse requirement: found '{part}'";
                return false;
            }
        }

        return true;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    private bool TryAdd(string part)
    {
        var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 2 && (words[1].StartsWith("in ", StringComparison.Ordinal) || words[1].StartsWith("notin ", StringComparison.Ordinal)))
        {
            var negate = words[1].StartsWith("notin", StringComparison.Ordinal);
            var set = words[1][(words[1].IndexOf('(', StringComparison.Ordinal) + 1)..].TrimEnd(')').Split(',', StringSplitOptions.TrimEntries).ToHashSet();
            var key = words[0];
            _requirements.Add(l => l.TryGetValue(key, out var v) ? set.Contains(v) != negate : negate);
            return true;
        }

        if (part.Contains("!=", StringComparison.Ordinal))
        {
            var (key, value) = Pair(part, "!=");
            _requirements.Add(l => !l.TryGetValue(key, out var v) || v != value);
            return true;
        }

        if (part.Contains('=', StringComparison.Ordinal))
        {
            var (key, value) = Pair(part, part.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            _requirements.Add(l => l.TryGetValue(key, out var v) && v == value);
            return true;
        }

        if (part.Contains(' ', StringComparison.Ordinal) || part.Contains('(', StringComparison.Ordinal))
        {
            return false;
        }

        var name = part.TrimStart('!');
        var absent = part.StartsWith('!');
        _requirements.Add(l => l.ContainsKey(name) != absent);
        return true;
    }

    private static (string Key, string Value) Pair(string part, string op)
    {
        var at = part.IndexOf(op, StringComparison.Ordinal);
        return (part[..at].Trim(), part[(at + op.Length)..].Trim());
    }

    /// <summary>Splits on commas that are not inside a set's parentheses.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
