using System.Text.Json;
using Refit;

namespace ChatOps.Executors.GitLab;

/// <summary>Reads a GitLab error body (gitlab.md §3): <c>message</c> as a string or an object of field → [text], then <c>error</c>; tolerates plain text.</summary>
internal static class GitLabErrorBody
{
    public static string Message(ApiException ex)
    {
        var content = ex.Content?.Trim() ?? "";
        if (content.Length == 0 || content[0] != '{')
        {
            return content.Length > 200 ? content[..200] : content;
        }

        try
        {
            using var doc = JsonDocument.Parse(content);
            var root = doc.RootElement;
            if (root.TryGetProperty("message", out var message))
            {
                return message.ValueKind switch
                {
                    JsonValueKind.String => message.GetString() ?? "",
                    JsonValueKind.Object => string.Join("; ", message.EnumerateObject().Select(Field)),
                    _ => message.ToString(),
                };
            }

            var error = root.TryGetProperty("error", out var e) ? e.ToString() : "";
            return root.TryGetProperty("error_description", out var d) ? $"{error} ({d})" : error;
        }
        catch (JsonException)
        {
            return content;
        }
    }

    /// <summary>True for 400 <c>{"message":{"base":["Reference not found"]}}</c>.</summary>
    public static bool IsReferenceNotFound(ApiException ex) =>
        ex.StatusCode == System.Net.HttpStatusCode.BadRequest && Message(ex).Contains("Reference not found", StringComparison.OrdinalIgnoreCase);

    private static string Field(JsonProperty p)
    {
        var texts = p.Value.ValueKind == JsonValueKind.Array ? string.Join(", ", p.Value.EnumerateArray().Select(v => v.ToString())) : p.Value.ToString();
        return p.Name == "base" ? texts : $"{p.Name} {texts}";
    }
}
