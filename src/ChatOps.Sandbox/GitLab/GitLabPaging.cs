using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatOps.Sandbox.GitLab;

/// <summary>Offset pagination with the x-* headers and Link of contract §4.</summary>
internal static class GitLabPaging
{
    public static IReadOnlyList<T> Page<T>(HttpContext context, IReadOnlyList<T> all)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(Int(query["per_page"], 20), 1, 100);
        var page = Math.Max(1, Int(query["page"], 1));
        var totalPages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var headers = context.Response.Headers;
        headers["x-page"] = Text(page);
        headers["x-per-page"] = Text(perPage);
        headers["x-next-page"] = page < totalPages ? Text(page + 1) : "";
        headers["x-prev-page"] = page > 1 ? Text(page - 1) : "";
        headers["x-total"] = Text(all.Count);
        headers["x-total-pages"] = Text(totalPages);

        var links = new List<string>();
        if (page < totalPages)
        {
            links.Add($"<{Url(context, page + 1)}>; rel=\"next\"");
        }

        if (page > 1)
        {
            links.Add($"<{Url(context, page - 1)}>; rel=\"prev\"");
        }

        links.Add($"<{Url(context, 1)}>; rel=\"first\"");
        links.Add($"<{Url(context, totalPages)}>; rel=\"last\"");
        headers["Link"] = string.Join(", ", links);
        return all.Skip((page - 1) * perPage).Take(perPage).ToList();
    }

    private static string Url(HttpContext context, int page)
    {
        var request = context.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = Text(page);
        var builder = new QueryBuilder(query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{builder.ToQueryString()}";
    }

    private static int Int(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
