using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.GitLab;

public sealed partial class GitLabEmulator
{
    /// <summary>E7: filters ref, sha, status, scope, source, username, created/updated after/before; order_by and sort.</summary>
    private IResult ListPipelines(HttpContext context, string id) => WithProject(id, p =>
    {
        var q = context.Request.Query;
        var items = _world.Pipelines.Values.Where(x => x.Project == p)
            .Where(x => Is(q["ref"], x.Ref) && Is(q["sha"], x.Commit.Sha) && Is(q["status"], x.Status) && Is(q["source"], x.Source))
            .Where(x => Is(q["username"], GitLabUser.Bot.Username) && InScope(q["scope"], x))
            .Where(x => Within(x.CreatedAt, q["created_after"], q["created_before"]) && Within(x.UpdatedAt, q["updated_after"], q["updated_before"]));
        var ordered = q["order_by"].ToString() switch
        {
            "status" => items.OrderBy(x => x.Status, StringComparer.Ordinal).ThenBy(x => x.Id),
            "ref" => items.OrderBy(x => x.Ref, StringComparer.Ordinal).ThenBy(x => x.Id),
            "updated_at" => items.OrderBy(x => x.UpdatedAt).ThenBy(x => x.Id),
            _ => items.OrderBy(x => x.Id),
        };
        var list = ordered.ToList();
        if (!string.Equals(q["sort"], "asc", StringComparison.OrdinalIgnoreCase))
        {
            list.Reverse();
        }

        return List(GitLabPaging.Page(context, list), x => GitLabJson.PipelineBasic(x, WebBase));
    });

    private static bool Is(string? wanted, string actual) => string.IsNullOrEmpty(wanted) || wanted == actual;

    private static bool InScope(string? scope, GitLabPipeline p) => scope switch
    {
        "running" or "pending" => p.Status == scope,
        "finished" => GitLabStatus.IsTerminal(p.Status),
        "branches" => !p.Tag,
        "tags" => p.Tag,
        _ => true,
    };

    private static bool Within(DateTimeOffset time, string? after, string? before) =>
        (!DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, out var a) || time >= a)
        && (!DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, out var b) || time <= b);
}
