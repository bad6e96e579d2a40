using ChatOps.Core.Catalog;

namespace ChatOps.Language.Recognizers;

/// <summary>Runs every recognizer and keeps the non-overlapping claims: the longer span wins, then the higher priority.</summary>
public sealed class RecognizerChain
{
    private readonly IReadOnlyList<IEntityRecognizer> _recognizers;

    public RecognizerChain(IReadOnlyList<IEntityRecognizer> recognizers) => _recognizers = recognizers;

    /// <summary>The standard chain for a catalog: catalog names, refs, names, durations, numbers.</summary>
    public static RecognizerChain For(ServiceCatalog catalog) =>
        new([new CatalogRecognizer(catalog), new RefRecognizer(), new NameRecognizer(), new DurationRecognizer(), new NumberRecognizer()]);

    /// <summary>The settled matches of <paramref name="input"/>, in text order.</summary>
    public List<EntityMatch> Recognize(RecognizerInput input)
    {
        var all = new List<EntityMatch>();
        foreach (var recognizer in _recognizers)
        {
            try
            {
                recognizer.Recognize(input, all);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
            {
                // A recognizer bug must cost one entity, never the message: the others still run.
            }
        }

        all.Sort(static (a, b) =>
        {
            var c = b.Length.CompareTo(a.Length);
            if (c == 0) c = b.Priority.CompareTo(a.Priority);
            if (c == 0) c = b.Confidence.CompareTo(a.Confidence);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });
        var kept = new List<EntityMatch>(all.Count);
        foreach (var match in all)
        {
            if (!kept.Exists(k => k.Overlaps(match))) kept.Add(match);
        }

        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
