using ChatOps.Language.Text;
using FuzzySharp;

namespace ChatOps.Language.Recognizers;

public sealed partial class CatalogRecognizer
{
    // Everyday words that sit one typo away from a catalog name must never become one ("card" → cart, "author" → auth).
    private static readonly HashSet<string> NeverFuzzy = new(StringComparer.Ordinal)
    {
        "card", "care", "stuck", "usage", "scale", "cards", "start", "state", "stats", "pods", "nodes", "short", "carts", "author", "authors", "autho", "order", "users", "user", "stages", "staged", "stack",
        "stick", "stock", "store", "sorted", "border", "orderly", "prove", "proud", "produce", "product", "products",
        "research", "searched", "searches", "gate", "gates", "getaway", "payment", "paying", "payer", "liver", "lives",
        "deploy", "deployed", "deploys", "status", "states", "statue", "stage", "check", "checks", "checked", "checking",
        "checkouts", "develop", "devops", "devel", "device", "testing", "tests", "tested", "prod", "uat", "please",
        "notify", "notified", "inventor", "inventions", "production", "products", "prom", "prometheus", "stats",
        "orders", "rollout", "restart", "release", "account", "accounts", "accountant", "latest", "last", "list",
    };

    private void FindTypos(string text, bool[] taken, List<EntityMatch> matches)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsAsciiLetter(text[i]) || (i > 0 && TextNormalizer.IsWordChar(text[i - 1])))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && (IsAsciiLetter(text[end]) || text[end] == '-')) end++;
            var length = end - i;
            var bounded = IsBounded(text, i, length);
            if (bounded && length is >= 4 and <= 24 && !AnyTaken(taken, i, length))
            {
                var token = text.Substring(i, length);
                if (!NeverFuzzy.Contains(token) && BestTypoTarget(token) is { } hit)
                {
                    Array.Fill(taken, true, i, length);
                    matches.Add(new EntityMatch(hit.Surface.Entity, i, length, hit.Surface.Canonical, 0.9 * hit.Score / 100.0, 40));
                }
            }

            i = end;
        }
    }

    private (Surface Surface, int Score)? BestTypoTarget(string token)
    {
        (Surface Surface, int Score)? best = null;
        foreach (var target in _fuzzyTargets)
        {
            if (Math.Abs(target.Text.Length - token.Length) > 1) continue;
            var score = Fuzz.Ratio(token, target.Text);
            // Short words need more than one changed letter's worth of likeness ("stuck" is not "stock", "usage" not "stage").
            var accepted = IsTransposition(token, target.Text)
                || (token.Length >= 7 && score >= 80)
                || (token.Length >= 5 && score >= 85);
            if (accepted && (best is null || score > best.Value.Score)) best = (target, score);
        }

        return best;
    }

    /// <summary>Four-letter typos count only as one swap of neighbours ("prdo" for "prod"), never a changed letter.</summary>
    private static bool IsTransposition(string a, string b)
    {
        if (a.Length != b.Length) return false;
        var diff = new List<int>();
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) diff.Add(i);
        }

        return diff.Count == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z';
}
