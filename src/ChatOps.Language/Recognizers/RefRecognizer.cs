using System.Text.RegularExpressions;
using ChatOps.Core.Parsing;

namespace ChatOps.Language.Recognizers;

/// <summary>Finds git refs (tags like v1.4.2, branches like feature/login, 7–40 hex SHAs) and GitLab project paths.</summary>
public sealed partial class RefRecognizer : IEntityRecognizer
{
    [GeneratedRegex(@"^v\d+(\.\d+){1,3}([-+][a-z0-9.\-]+)?$")]
    private static partial Regex VersionTag();

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][a-z0-9.\-]+)?$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^[0-9a-f]{7,40}$")]
    private static partial Regex Sha();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._\-]*(/[a-z0-9._\-]+)+$")]
    private static partial Regex SlashPath();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._\-/]*$")]
    private static partial Regex RefLike();

    /// <inheritdoc />
    public void Recognize(RecognizerInput input, List<EntityMatch> matches)
    {
        var text = input.Normalized;
        foreach (var token in TokenScanner.Scan(text))
        {
            var value = text.AsSpan(token.Start, token.Length);
            if (Classify(text, token, value) is { } hit)
            {
                matches.Add(new EntityMatch(hit.Entity, token.Start, token.Length, input.Original(token.Start, token.Length), hit.Confidence, hit.Priority));
            }
        }
    }

    private static (string Entity, double Confidence, int Priority)? Classify(string text, TokenScanner.Token token, ReadOnlySpan<char> value)
    {
        if (value.Length > 200) return null;
        var before = TokenScanner.Before(text, token.Start);
        var after = TokenScanner.After(text, token.End);
        var looksLikeBranch = value.IndexOfAny("-_/.") >= 0 || value.IndexOfAny("0123456789") >= 0;
        var word = value.ToString();

        // "branch X" names X whatever it is; "X branch" only when X looks like a branch ("wrong branch" does not).
        var cued = TokenScanner.EndsWithWord(before, Cues.RefBefore)
            || (TokenScanner.StartsWithWord(after, Cues.RefAfter) && (looksLikeBranch || Cues.KnownBranches.Contains(word)));
        if (VersionTag().IsMatch(value) || SemVer().IsMatch(value)) return (EntityNames.Ref, 0.95, 60);
        if (SlashPath().IsMatch(value))
        {
            var first = value[..value.IndexOf('/')].ToString();
            if (cued || Cues.BranchPrefixes.Contains(first)) return (EntityNames.Ref, 0.9, 60);
            return word.Split('/').Any(Cues.NotPathSegments.Contains) ? null : (EntityNames.Project, 0.8, 55);
        }

        if (Sha().IsMatch(value) && HasDigitAndLetter(value)) return (EntityNames.Ref, 0.85, 55);
        if (Cues.KnownBranches.Contains(word)) return (EntityNames.Ref, 0.8, 45);
        if (Cues.NotNames.Contains(word) || !RefLike().IsMatch(value) || !TokenScanner.HasLetter(value)) return null;
        if (cued) return (EntityNames.Ref, 0.8, 48);
        if (looksLikeBranch && TokenScanner.EndsWithWord(before, Cues.LooseRefBefore)) return (CandidateKinds.LooseRef, 0.6, 30);
        return null;
    }

    private static bool HasDigitAndLetter(ReadOnlySpan<char> s) =>
        s.IndexOfAny("0123456789") >= 0 && s.IndexOfAny("abcdef") >= 0;
}
