namespace ChatOps.Language.Recognizers;

/// <summary>The message handed to every recognizer: the original text and its same-length normalized form.</summary>
public sealed class RecognizerInput
{
    public RecognizerInput(string text)
    {
        Text = text;
        Normalized = Text.Length == 0 ? string.Empty : ChatOps.Language.Text.TextNormalizer.Normalize(text);
    }

    /// <summary>The message as typed.</summary>
    public string Text { get; }

    /// <summary>Lower-cased, full-width folded; offsets match <see cref="Text"/>.</summary>
    public string Normalized { get; }

    /// <summary>The original characters of a span.</summary>
    public string Original(int start, int length) => Text.Substring(start, length);
}
