using System.Text.RegularExpressions;
using ChatOps.Core.Parsing;

namespace ChatOps.Language.Recognizers;

/// <summary>Finds Kubernetes pods and namespaces and Zadig workflow names by their shape and the words around them.</summary>
public sealed partial class NameRecognizer : IEntityRecognizer
{
    // Deployment pods: <name>-<replicaset hash>-<5 chars>; DaemonSet/ReplicaSet pods: <name>-<5 chars>.
    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?-[a-z0-9]{6,10}-[a-z0-9]{5}$")]
    private static partial Regex DeploymentPod();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?-(?=[a-z]*[0-9])[a-z0-9]{5}$")]
    private static partial Regex ShortPod();

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
        if (!TokenScanner.IsDnsLabel(value) || !TokenScanner.HasLetter(value)) return null;
        var word = value.ToString();
        if (Cues.NotNames.Contains(word)) return null;
        var before = TokenScanner.Before(text, token.Start);
        var after = TokenScanner.After(text, token.End);
        var hyphenated = value.Contains('-');
        if (DeploymentPod().IsMatch(value) || ShortPod().IsMatch(value)) return (EntityNames.Pod, 0.9, 65);
        if (hyphenated && TokenScanner.EndsWithWord(before, Cues.PodBefore)) return (EntityNames.Pod, 0.8, 62);
        if (TokenScanner.EndsWithWord(before, Cues.NamespaceBefore) || TokenScanner.StartsWithWord(after, Cues.NamespaceAfter)
            || Cues.WellKnownNamespaces.Contains(word))
        {
            return (EntityNames.Namespace, 0.85, 48);
        }

        if (!Cues.KnownBranches.Contains(word)
            && (TokenScanner.EndsWithWord(before, Cues.WorkflowBefore) || TokenScanner.StartsWithWord(after, Cues.WorkflowAfter)))
        {
            return (EntityNames.Workflow, 0.85, 48);
        }

        return hyphenated ? (CandidateKinds.Name, 0.5, 10) : null;
    }
}
