using ChatOps.Core.Catalog;
using ChatOps.Language.Recognizers;

namespace ChatOps.Language.Tests.Recognizers;

/// <summary>Runs the standard recognizer chain over the example catalog and reports the settled matches.</summary>
internal static class RecognizerFixture
{
    public static ServiceCatalog Catalog { get; } = CatalogLoader.Load(TestPaths.Catalog);
    private static readonly RecognizerChain Chain = RecognizerChain.For(Catalog);

    public static List<EntityMatch> Matches(string text) => Chain.Recognize(new RecognizerInput(text));

    public static List<(string Entity, object Value)> Found(string text) => Matches(text).Select(m => (m.Entity, m.Value)).ToList();

    public static List<EntityMatch> With(IEntityRecognizer recognizer, string text)
    {
        var list = new List<EntityMatch>();
        recognizer.Recognize(new RecognizerInput(text), list);
        return list;
    }
}
