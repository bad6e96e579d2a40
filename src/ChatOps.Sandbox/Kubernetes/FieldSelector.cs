namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A parsed field selector (k=v, k==v, k!=v joined by commas) over the fields a resource supports.</summary>
internal sealed class FieldSelector<T>
{
    private readonly List<(Func<T, string?> Field, string Value, bool Equal)> _terms = [];

    public static bool TryParse(string? text, IReadOnlyDictionary<string, Func<T, string?>> fields, out FieldSelector<T> selector, out string error)
    {
        selector = new FieldSelector<T>();
        error = "";
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var notEqual = part.Contains("!=", StringComparison.Ordinal);
            var op = notEqual ? "!=" : part.Contains("==", StringComparison.Ordinal) ? "==" : "=";
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                error = $"invalid selector: '{part}'; can't understand '{part}'";
                return false;
            }

            var key = part[..at].Trim();
            if (!fields.TryGetValue(key, out var field))
            {
                error = $"field label not supported: {key}";
                return false;
            }

            selector._terms.Add((field, part[(at + op.Length)..].Trim(), !notEqual));
        }

        return true;
    }

    public bool Matches(T item) => _terms.All(t => (t.Field(item) ?? "") == t.Value == t.Equal);
}
