using System.Text.Json;
using Refit;

namespace ChatOps.Executors.Zadig;

/// <summary>Reads a Zadig error (zadig.md §2): <c>{type, code, message, description}</c>, a plain 500 <c>{message, code, description}</c>, or an empty body.</summary>
internal static class ZadigErrorBody
{
    public static string Message(ApiException ex)
    {
        var content = ex.Content?.Trim() ?? "";
        if (content.Length == 0 || content[0] != '{')
        {
            return content;
        }

        try
        {
            using var doc = JsonDocument.Parse(content);
            var root = doc.RootElement;
            var message = Text(root, "message").TrimEnd(':', ' ');
            var description = Text(root, "description");
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
            var text = string.Join(": ", new[] { message, description }.Where(t => t.Length > 0));
            return code >= 6000 ? $"{text} (code {code})" : text;
        }
        catch (JsonException)
        {
            return content;
        }
    }

    /// <summary>True when Zadig says the task or workflow does not exist ("mongo: no documents in result").</summary>
    public static bool IsMissing(ApiException ex) =>
        ex.Content?.Contains("no documents in result", StringComparison.Ordinal) == true || ex.StatusCode == System.Net.HttpStatusCode.NotFound;

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
