using System.Text.RegularExpressions;

namespace ChatOps.Dialog.Policy;

/// <summary>Glob patterns for refs: <c>*</c> is any run of characters, <c>?</c> one character, everything else literal.</summary>
public static class RefPattern
{
    /// <summary>Whether <paramref name="reference"/> matches the glob <paramref name="pattern"/> (whole string, case-sensitive like git).</summary>
    public static bool Matches(string pattern, string reference) =>
        Regex.IsMatch(reference, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
