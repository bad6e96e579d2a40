namespace ChatOps.Language.Text;

/// <summary>Lower-cases and folds full-width forms one character for one, so offsets in the result are offsets in the input.</summary>
public static class TextNormalizer
{
    /// <summary>The normalized text; always the same length as <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    /// <summary>One character folded: full-width ASCII to ASCII, ideographic space and controls to space, then lower case.</summary>
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        else if (c == '\u3000' || char.IsControl(c)) c = ' ';
        else if (c is '，' or '。' or '、' or '？' or '！' or '：' or '；') c = ' ';
        return char.ToLowerInvariant(c);
    }

    /// <summary>True for a CJK ideograph (the scripts people type Chinese in).</summary>
    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>True for characters that continue an ASCII identifier (names, refs, paths).</summary>
    public static bool IsWordChar(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-' or '/';
}
