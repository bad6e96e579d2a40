using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.GitLab;

/// <summary>GitLab's two time formats: ISO 8601 with ms in REST, "yyyy-MM-dd HH:mm:ss UTC" in hooks (contract §0, §7.4).</summary>
internal static class GitLabTime
{
    public static JsonNode? Rest(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : null;

    public static JsonNode? Hook(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : null;

    public static string Commit(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
