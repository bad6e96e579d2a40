using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.GitLab;

internal static partial class GitLabJson
{
    /// <summary>E7 list item: no detailed_status, duration or user.</summary>
    public static JsonObject PipelineBasic(GitLabPipeline p, string web) => new()
    {
        ["id"] = p.Id,
        ["iid"] = p.Iid,
        ["project_id"] = p.Project.Id,
        ["sha"] = p.Commit.Sha,
        ["ref"] = p.Ref,
        ["status"] = p.Status,
        ["source"] = p.Source,
        ["name"] = null,
        ["created_at"] = GitLabTime.Rest(p.CreatedAt),
        ["updated_at"] = GitLabTime.Rest(p.UpdatedAt),
        ["web_url"] = PipelineUrl(p, web),
    };

    /// <summary>E8 (also the body of E5, E6, E10, E11).</summary>
    public static JsonObject Pipeline(GitLabPipeline p, string web) => new()
    {
        ["id"] = p.Id,
        ["iid"] = p.Iid,
        ["project_id"] = p.Project.Id,
        ["name"] = null,
        ["status"] = p.Status,
        ["source"] = p.Source,
        ["ref"] = p.Ref,
        ["sha"] = p.Commit.Sha,
        ["before_sha"] = new string('0', 40),
        ["tag"] = p.Tag,
        ["yaml_errors"] = null,
        ["user"] = User(GitLabUser.Bot),
        ["created_at"] = GitLabTime.Rest(p.CreatedAt),
        ["updated_at"] = GitLabTime.Rest(p.UpdatedAt),
        ["started_at"] = GitLabTime.Rest(p.StartedAt),
        ["finished_at"] = GitLabTime.Rest(p.FinishedAt),
        ["committed_at"] = null,
        ["duration"] = p.Duration,
        ["queued_duration"] = p.QueuedDuration,
        ["coverage"] = null,
        ["web_url"] = PipelineUrl(p, web),
        ["detailed_status"] = DetailedStatus(p.Status, $"/{p.Project.PathWithNamespace}/-/pipelines/{p.Id}"),
    };

    public static JsonObject DetailedStatus(string status, string detailsPath) => new()
    {
        ["icon"] = $"status_{status}",
        ["text"] = GitLabStatus.Text(status),
        ["label"] = GitLabStatus.Label(status),
        ["group"] = status,
        ["tooltip"] = GitLabStatus.Label(status),
        ["has_details"] = true,
        ["details_path"] = detailsPath,
        ["illustration"] = null,
        ["favicon"] = $"/assets/ci_favicons/favicon_status_{status}.png",
    };

    public static string PipelineUrl(GitLabPipeline p, string web) =>
        $"{web}/{p.Project.PathWithNamespace}/-/pipelines/{p.Id}";

    private static JsonObject User(GitLabUser u) => new()
    {
        ["id"] = u.Id,
        ["username"] = u.Username,
        ["name"] = u.Name,
        ["state"] = u.State,
    };
}
