using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.GitLab;

/// <summary>Renders REST bodies with exactly the field names of the GitLab contract (§5).</summary>
internal static partial class GitLabJson
{
    /// <summary>E1.</summary>
    public static JsonObject Project(GitLabProject p, string web) => new()
    {
        ["id"] = p.Id,
        ["name"] = p.Name,
        ["path"] = p.Name,
        ["path_with_namespace"] = p.PathWithNamespace,
        ["default_branch"] = p.DefaultBranch,
        ["web_url"] = $"{web}/{p.PathWithNamespace}",
        ["namespace"] = new JsonObject { ["id"] = p.NamespaceId, ["full_path"] = p.Group, ["kind"] = "group" },
    };

    /// <summary>E2/E3.</summary>
    public static JsonObject Branch(GitLabProject p, GitLabRef b, string web) => new()
    {
        ["name"] = b.Name,
        ["merged"] = false,
        ["protected"] = b.Protected,
        ["default"] = b.Name == p.DefaultBranch,
        ["can_push"] = true,
        ["developers_can_push"] = !b.Protected,
        ["developers_can_merge"] = true,
        ["web_url"] = $"{web}/{p.PathWithNamespace}/-/tree/{b.Name}",
        ["commit"] = Commit(b.Commit),
    };

    /// <summary>E4.</summary>
    public static JsonObject Tag(GitLabRef t) => new()
    {
        ["name"] = t.Name,
        ["message"] = "",
        ["target"] = t.Commit.Sha,
        ["commit"] = Commit(t.Commit),
        ["release"] = null,
        ["protected"] = t.Protected,
    };

    /// <summary>E13.</summary>
    public static JsonObject Variable(GitLabVariable v) => new()
    {
        ["key"] = v.Key,
        ["value"] = v.Value,
        ["variable_type"] = v.VariableType,
    };

    private static JsonObject Commit(GitLabCommit c) => new()
    {
        ["id"] = c.Sha,
        ["short_id"] = c.ShortId,
        ["title"] = c.Title,
        ["committed_date"] = GitLabTime.Commit(c.CommittedDate),
    };
}
