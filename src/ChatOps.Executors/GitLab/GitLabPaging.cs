using Refit;

namespace ChatOps.Executors.GitLab;

/// <summary>Offset pagination (gitlab.md §4): follow <c>x-next-page</c> until it is empty, never the totals.</summary>
internal static class GitLabPaging
{
    public static async Task<List<T>> AllAsync<T>(Func<int, Task<IApiResponse<List<T>>>> fetch, int maxPages)
    {
        var all = new List<T>();
        for (var page = 1; page <= maxPages;)
        {
            using var response = await fetch(page).ConfigureAwait(false);
            if (response.Error is { } error)
            {
                throw error;
            }

            all.AddRange(response.Content ?? []);
            var next = response.Headers is { } headers && headers.TryGetValues("x-next-page", out var values) ? values.FirstOrDefault() : null;
            if (!int.TryParse(next, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out page))
            {
                break;
            }
        }

        return all;
    }
}
