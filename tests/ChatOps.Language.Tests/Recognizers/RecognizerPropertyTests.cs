using ChatOps.Language.Recognizers;
using CsCheck;

namespace ChatOps.Language.Tests.Recognizers;

public class RecognizerPropertyTests
{
    private static readonly RecognizerChain Chain = RecognizerChain.For(RecognizerFixture.Catalog);

    private static readonly Gen<string> ChatLike = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char, 0, 5000],
        Gen.Char['\0', '\u001f'].Array[0, 50].Select(cs => new string(cs)),
        Gen.Select(Gen.Char['\u4e00', '\u9fff'].Array[0, 40], Gen.Int[0, 99999], (cs, n) => new string(cs) + n + "流水线#" + n),
        Gen.OneOf<string>("deploy ", "[", "](", "#", "v1.", "feature/", "-n ", "last ", "个", "分钟", "十", "@", "<@U1>", "\ud83d", "\ude80", " ").Array[0, 40].Select(string.Concat));

    [Fact]
    public void Recognizers_never_throw_and_spans_stay_inside_the_text()
    {
        ChatLike.Sample(text =>
        {
            var matches = Chain.Recognize(new RecognizerInput(text));
            foreach (var m in matches)
            {
                Assert.InRange(m.Start, 0, text.Length);
                Assert.InRange(m.End, m.Start + 1, text.Length);
            }

            for (var i = 1; i < matches.Count; i++) Assert.True(matches[i - 1].End <= matches[i].Start, "settled matches never overlap");
        }, iter: 3000);
    }

    [Fact]
    public void Every_single_recognizer_survives_hostile_input_alone()
    {
        IEntityRecognizer[] all = [new CatalogRecognizer(RecognizerFixture.Catalog), new RefRecognizer(), new NameRecognizer(), new NumberRecognizer(), new DurationRecognizer()];
        ChatLike.Sample(text =>
        {
            foreach (var r in all)
            {
                var list = new List<EntityMatch>();
                r.Recognize(new RecognizerInput(text), list);
                Assert.All(list, m => Assert.True(m.End <= text.Length));
            }
        }, iter: 1000);
    }

    [Fact]
    public void Normalization_keeps_offsets()
    {
        Gen.String.Sample(s => Assert.Equal(s.Length, Text.TextNormalizer.Normalize(s).Length), iter: 2000);
    }
}
