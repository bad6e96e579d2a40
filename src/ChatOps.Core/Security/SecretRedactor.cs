using System.Text.RegularExpressions;

namespace ChatOps.Core.Security;

/// <summary>
/// Masks secrets in text bound for chat, the API or the audit trail: the configured secret values themselves, and anything shaped like
/// a token, a password assignment, a bearer header, URL credentials or a pipeline variable named like a secret.
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>What a masked secret reads as.</summary>
    public const string Mask = "****";

    private readonly string[] _secrets;

    /// <summary>A redactor for <paramref name="secrets"/> (values shorter than 6 characters are ignored: masking them would garble text).</summary>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets.Where(s => s is { Length: >= 6 }).Select(s => s!).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>A redactor that knows no configured values and masks only the shapes.</summary>
    public static SecretRedactor Shapes { get; } = new([]);

    [GeneratedRegex(@"\b(glpat-[A-Za-z0-9_\-]{8,}|glptt-[A-Za-z0-9_\-]{8,}|xox[abpors]-[A-Za-z0-9\-]{8,}|xapp-[A-Za-z0-9\-]{8,}|gh[pousr]_[A-Za-z0-9]{16,}|eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})")]
    private static partial Regex TokenShapes();

    [GeneratedRegex(@"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=\-]{8,}")]
    private static partial Regex AuthHeader();

    [GeneratedRegex(@"(?i)\b((?:[A-Za-z0-9]+[_\-])*(?:password|passwd|pwd|secret|token|api[_\-]?key|private[_\-]?key|credentials?)(?:[_\-][A-Za-z0-9]+)*)(\s*[=:]\s*)(""[^""]*""|'[^']*'|[^\s,;&]+)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"(?i)(://[^/\s:@]+:)[^/\s@]+@")]
    private static partial Regex UrlCredentials();

    /// <summary>The text with every secret replaced by <see cref="Mask"/>; null stays null.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        text = TokenShapes().Replace(text, Mask);
        text = AuthHeader().Replace(text, m => m.Groups[1].Value + " " + Mask);
        text = Assignment().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
        return UrlCredentials().Replace(text, m => m.Groups[1].Value + Mask + "@");
    }
}
