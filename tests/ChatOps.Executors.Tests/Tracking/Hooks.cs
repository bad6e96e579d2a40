using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>Sends hooks to the bot the way GitLab and Zadig do (contract headers, JSON body), over real HTTP.</summary>
public static class Hooks
{
    private static readonly HttpClient Http = new();

    public static async Task<HttpStatusCode> GitLabAsync(Uri bot, string body, string? token, string eventName = "Pipeline Hook", string? idempotencyKey = null)
    {
        using var request = Post(new Uri(bot, "hooks/gitlab"), body);
        request.Headers.TryAddWithoutValidation("X-Gitlab-Event", eventName);
        request.Headers.TryAddWithoutValidation("User-Agent", "GitLab/17.5.0");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Gitlab-Token", token);
        }

        var key = idempotencyKey ?? Guid.NewGuid().ToString();
        request.Headers.TryAddWithoutValidation("X-Gitlab-Event-UUID", key);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    public static async Task<HttpStatusCode> ZadigAsync(Uri bot, string path, string body, string? token = null)
    {
        using var request = Post(new Uri(bot, path), body);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Zadig-Token", token);
        }

        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A minimal Pipeline Hook (gitlab.md §6) for one pipeline in one status.</summary>
    public static string Pipeline(string backendRunId, string status)
    {
        var (project, pipeline) = (backendRunId.Split(':')[0], backendRunId.Split(':')[1]);
        return $$"""
            {"object_kind":"pipeline","object_attributes":{"id":{{pipeline}},"iid":1,"ref":"main","status":"{{status}}","detailed_status":"{{status}}",
             "created_at":"2026-11-20 09:15:02 UTC","finished_at":null,"duration":null,"url":"https://gitlab.example.com/p/-/pipelines/{{pipeline}}"},
             "project":{"id":{{project}},"name":"p","path_with_namespace":"g/p"},"builds":[]}
            """;
    }

    private static HttpRequestMessage Post(Uri url, string body) => new(HttpMethod.Post, url)
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}
