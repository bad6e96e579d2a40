using System.Globalization;
using System.Resources;

namespace ChatOps.Dialog.Replies;

/// <summary>Reply texts from Replies.resx (English) and Replies.zh.resx (Chinese); no reply text lives in code.</summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("ChatOps.Dialog.Replies.Replies", typeof(Texts).Assembly);
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh");

    /// <summary>The text of <paramref name="key"/> in "en" or "zh", formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, string language, params object?[] args)
    {
        var culture = language == "zh" ? Chinese : CultureInfo.InvariantCulture;
        var text = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"reply text '{key}' is missing from Replies.resx");
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>"zh" when the message holds Chinese characters, else "en".</summary>
    public static string LanguageOf(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF') ? "zh" : "en";

    /// <summary>The two examples of an intent's help.</summary>
    public static (string First, string Second) Examples(string intent, string language)
    {
        var parts = Get("Example_" + intent, language).Split('|');
        return (parts[0], parts.Length > 1 ? parts[1] : parts[0]);
    }
}
