using ChatOps.Core.Catalog;
using ChatOps.Core.Parsing;
using ChatOps.Language.Text;

namespace ChatOps.Language.Recognizers;

/// <summary>Finds catalog services and environments: exact name, then alias, then a guarded fuzzy match for typos.</summary>
public sealed partial class CatalogRecognizer : IEntityRecognizer
{
    private readonly List<Surface> _surfaces;
    private readonly List<Surface> _fuzzyTargets;

    public CatalogRecognizer(ServiceCatalog catalog)
    {
        _surfaces = [];
        foreach (var s in catalog.Services) AddEntry(EntityNames.Service, s.Name, s.Aliases);
        foreach (var e in catalog.Environments) AddEntry(EntityNames.Environment, e.Name, e.Aliases);

        // Longest first, so "checkout-service" wins over "checkout" and "订单服务" over "订单".
        _surfaces.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        _fuzzyTargets = _surfaces.Where(s => s.Text.Length >= 4 && s.Text.All(c => c < 128)).ToList();
    }

    private sealed record Surface(string Text, string Entity, string Canonical, bool IsName);

    private void AddEntry(string entity, string name, IReadOnlyList<string> aliases)
    {
        _surfaces.Add(new Surface(name.ToLowerInvariant(), entity, name, true));
        foreach (var alias in aliases)
        {
            _surfaces.Add(new Surface(TextNormalizer.Normalize(alias), entity, name, false));
        }
    }

    /// <inheritdoc />
    public void Recognize(RecognizerInput input, List<EntityMatch> matches)
    {
        var text = input.Normalized;
        var taken = new bool[text.Length];
        foreach (var surface in _surfaces)
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text.IndexOf(surface.Text, from, StringComparison.Ordinal);
                if (at < 0) break;
                from = at + 1;
                if (!IsBounded(text, at, surface.Text.Length) || AnyTaken(taken, at, surface.Text.Length)) continue;
                Array.Fill(taken, true, at, surface.Text.Length);
                matches.Add(new EntityMatch(surface.Entity, at, surface.Text.Length, surface.Canonical, surface.IsName ? 1.0 : 0.95, 50));
            }
        }

        FindTypos(text, taken, matches);
    }

    private static bool AnyTaken(bool[] taken, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (taken[i]) return true;
        }

        return false;
    }

    /// <summary>ASCII names must stand alone (not inside "devops-uat" or "shop/checkout"); CJK names may touch anything.</summary>
    internal static bool IsBounded(string text, int start, int length)
    {
        var first = text[start];
        var last = text[start + length - 1];
        if (first < 128 && start > 0 && IsJoiner(text[start - 1], text, start - 1)) return false;
        if (last < 128 && start + length < text.Length && IsJoiner(text[start + length], text, start + length)) return false;
        return true;
    }

    private static bool IsJoiner(char c, string text, int at)
    {
        if (TextNormalizer.IsWordChar(c) || c is '@' or '=') return true;

        // A dot joins only between word characters: "checkout.svc" is a host, "to uat." ends a sentence.
        return c == '.' && at > 0 && at + 1 < text.Length
            && TextNormalizer.IsWordChar(text[at - 1]) && TextNormalizer.IsWordChar(text[at + 1]);
    }
}
