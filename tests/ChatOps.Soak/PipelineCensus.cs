using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ChatOps.Sandbox;

namespace ChatOps.Soak;

/// <summary>Every pipeline the GitLab emulator holds, read back over its REST API (E7 pipelines, E13 variables), by request key.</summary>
internal sealed record PipelineCensus(IReadOnlyList<PipelineCensus.Pipeline> Pipelines)
{
    /// <summary>One pipeline: where, and the bot's request key and DEPLOY_ENV from its variables (null when absent).</summary>
    public sealed record Pipeline(long Project, long Id, string? Key, string? Environment);

    public ILookup<string, Pipeline> ByKey => Pipelines.Where(p => p.Key is not null).ToLookup(p => p.Key!, StringComparer.Ordinal);

    public static async Task<PipelineCensus> TakeAsync(SandboxHost sandbox, string requestVariable)
    {
        using var http = new HttpClient { BaseAddress = sandbox.GitLabApiUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", sandbox.Tokens.GitLabToken);
        var found = new ConcurrentBag<Pipeline>();
        foreach (var project in Enumerable.Range(4711, 10))
        {
            var ids = new List<long>();
            for (var page = 1; ; page++)
            {
                using var response = await http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"projects/{project}/pipelines?per_page=100&page={page}"));
                response.EnsureSuccessStatusCode();
                using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                ids.AddRange(list.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
                if (!response.Headers.TryGetValues("x-next-page", out var next) || string.IsNullOrEmpty(next.FirstOrDefault())) break;
            }

            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            {
                var json = await http.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"projects/{project}/pipelines/{id}/variables"), ct);
                using var variables = JsonDocument.Parse(json);
                string? Value(string key) => variables.RootElement.EnumerateArray()
                    .Where(v => v.GetProperty("key").GetString() == key).Select(v => v.GetProperty("value").GetString()).FirstOrDefault();
                found.Add(new Pipeline(project, id, Value(requestVariable), Value("DEPLOY_ENV")));
            });
        }

        return new PipelineCensus([.. found]);
    }
}
