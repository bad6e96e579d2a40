using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.GitLab;

public sealed partial class GitLabEmulator
{
    private const string ProjectRoute = "/api/v4/projects/{id}";

    private void MapProjects(WebApplication app)
    {
        app.MapGet(ProjectRoute, (string id) => WithProject(id, p => Reply.Json(GitLabJson.Project(p, WebBase))));

        app.MapGet(ProjectRoute + "/repository/branches", (HttpContext context, string id, string? search) =>
            WithProject(id, p =>
            {
                var branches = p.Branches.Where(b => Matches(b.Name, search)).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
                return List(GitLabPaging.Page(context, branches), b => GitLabJson.Branch(p, b, WebBase));
            }));

        app.MapGet(ProjectRoute + "/repository/branches/{branch}", (string id, string branch) =>
            WithProject(id, p => p.FindBranch(Uri.UnescapeDataString(branch)) is { } b
                ? Reply.Json(GitLabJson.Branch(p, b, WebBase))
                : GitLabErrors.BranchNotFound()));

        app.MapGet(ProjectRoute + "/repository/tags", (HttpContext context, string id, string? search, string? order_by, string? sort) =>
            WithProject(id, p =>
            {
                var tags = SortTags(p.Tags.Where(t => Matches(t.Name, search)), order_by, sort);
                return List(GitLabPaging.Page(context, tags), GitLabJson.Tag);
            }));

        app.MapGet(ProjectRoute + "/repository/tags/{tag}", (string id, string tag) =>
            WithProject(id, p => p.FindTag(Uri.UnescapeDataString(tag)) is { } t
                ? Reply.Json(GitLabJson.Tag(t))
                : GitLabErrors.TagNotFound()));
    }

    /// <summary>Resolves `:id` (numeric or URL-encoded path) under the world lock, or answers 404 Project Not Found.</summary>
    private IResult WithProject(string id, Func<GitLabProject, IResult> action)
    {
        lock (_world.Gate)
        {
            return _world.FindProject(Uri.UnescapeDataString(id)) is { } project ? action(project) : GitLabErrors.ProjectNotFound();
        }
    }

    private static IResult List<T>(IEnumerable<T> items, Func<T, JsonNode> render) =>
        Reply.Json(new JsonArray(items.Select(i => (JsonNode?)render(i)).ToArray()));

    private static bool Matches(string name, string? search) =>
        string.IsNullOrEmpty(search) || search switch
        {
            ['^', .. var prefix] => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase),
            [.. var suffix, '$'] => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase),
            _ => name.Contains(search, StringComparison.OrdinalIgnoreCase),
        };

    private static List<GitLabRef> SortTags(IEnumerable<GitLabRef> tags, string? orderBy, string? sort)
    {
        var sorted = orderBy switch
        {
            "name" => tags.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            "version" => tags.OrderBy(t => Version.TryParse(t.Name.TrimStart('v'), out var v) ? v : new Version()).ToList(),
            _ => tags.OrderBy(t => t.Commit.CommittedDate).ToList(),
        };
        if (!string.Equals(sort, "asc", StringComparison.OrdinalIgnoreCase))
        {
            sorted.Reverse();
        }

        return sorted;
    }
}
