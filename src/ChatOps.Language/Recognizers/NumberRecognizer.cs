using System.Text.RegularExpressions;
using ChatOps.Core.Parsing;

namespace ChatOps.Language.Recognizers;

/// <summary>Finds integers in digits, English words or Chinese numerals, typed by the words around them (pipeline id, replicas, lines).</summary>
public sealed partial class NumberRecognizer : IEntityRecognizer
{
    [GeneratedRegex(@"(?<![a-z0-9_\-./])#?\d{1,12}(?![a-z0-9_\-/]|\.\d)(个)?")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)(?:[\s-]+(?:and\s+)?)?)+\b")]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"[零〇一二两三四五六七八九十百千万]+(个)?")]
    private static partial Regex ChineseNumber();

    private static readonly string[] ChineseNotNumber = ["下", "些", "点", "直", "起", "样", "般", "定", "共", "切", "会", "次", "遍", "眼", "键", "体"];

    /// <inheritdoc />
    public void Recognize(RecognizerInput input, List<EntityMatch> matches)
    {
        var text = input.Normalized;
        foreach (Match m in Digits().Matches(text))
        {
            var digits = m.Value.TrimStart('#').TrimEnd('个');
            if (long.TryParse(digits, out var value)) Add(text, m.Index, m.Length, value, m.Value.StartsWith('#'), true, matches);
        }

        foreach (Match m in EnglishNumber().Matches(text))
        {
            var span = m.Value.TrimEnd(' ', '-');
            var words = span.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            if (NumberWords.ParseEnglish(words) is { } value) Add(text, m.Index, span.Length, value, false, false, matches);
        }

        foreach (Match m in ChineseNumber().Matches(text))
        {
            var numeral = m.Value.TrimEnd('个');
            var next = m.Index + m.Length < text.Length ? text[m.Index + m.Length].ToString() : "";
            if (numeral.Length == 0 || ChineseNotNumber.Contains(next)) continue;
            if (NumberWords.ParseChinese(numeral) is { } value) Add(text, m.Index, m.Length, value, false, false, matches);
        }
    }

    private static void Add(string text, int start, int length, long value, bool hashed, bool digits, List<EntityMatch> matches)
    {
        var before = TokenScanner.Before(text, start);
        var after = TokenScanner.After(text, start + length);
        string kind;
        if (TokenScanner.StartsWithWord(after, Cues.ReplicasAfter) || text.AsSpan(start, length).EndsWith("个") && TokenScanner.StartsWithWord(after, ["副本", "实例", "pod", "节点"]))
            kind = EntityNames.Replicas;
        else if (TokenScanner.StartsWithWord(after, Cues.LinesAfter)) kind = EntityNames.Lines;
        else if (hashed || TokenScanner.EndsWithWord(before, Cues.PipelineBefore) || (digits && TokenScanner.StartsWithWord(after, Cues.PipelineAfter))) kind = EntityNames.PipelineId;
        else if (TokenScanner.EndsWithWord(before, Cues.LastBefore)) kind = CandidateKinds.LastCount;
        else if (digits) kind = CandidateKinds.Number;
        else if (TokenScanner.EndsWithWord(before, ["to", "到", "成", "为", "至"])) kind = CandidateKinds.Number;
        else return; // A number word with no cue ("the one in prod", "看一下") is ordinary language.

        var confidence = kind is CandidateKinds.Number ? 0.6 : 0.9;
        matches.Add(new EntityMatch(kind, start, length, value, confidence, digits ? 35 : 33));
    }
}
