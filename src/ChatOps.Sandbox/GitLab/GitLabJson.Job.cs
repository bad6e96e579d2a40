using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.GitLab;

internal static partial class GitLabJson
{
    /// <summary>E12/E14; failure_reason appears only on failed jobs, runner only once picked up.</summary>
    public static JsonObject Job(GitLabJob j, string web)
    {
        var p = j.Pipeline;
        var job = new JsonObject
        {
            ["id"] = j.Id,
            ["name"] = j.Name,
            ["stage"] = j.Stage,
            ["status"] = j.Status,
        };
        if (j.FailureReason is not null)
        {
            job["failure_reason"] = j.FailureReason;
        }

        job["ref"] = p.Ref;
        job["tag"] = p.Tag;
        job["allow_failure"] = false;
        job["coverage"] = null;
        job["created_at"] = GitLabTime.Rest(j.CreatedAt);
        job["started_at"] = GitLabTime.Rest(j.StartedAt);
        job["finished_at"] = GitLabTime.Rest(j.FinishedAt);
        job["duration"] = Round(j.Duration);
        job["queued_duration"] = Round(j.QueuedDuration);
        job["web_url"] = $"{web}/{p.Project.PathWithNamespace}/-/jobs/{j.Id}";
        job["user"] = new JsonObject { ["id"] = GitLabUser.Bot.Id, ["username"] = GitLabUser.Bot.Username };
        job["commit"] = new JsonObject { ["id"] = p.Commit.Sha, ["short_id"] = p.Commit.ShortId, ["title"] = p.Commit.Title };
        job["pipeline"] = new JsonObject
        {
            ["id"] = p.Id, ["project_id"] = p.Project.Id, ["ref"] = p.Ref, ["sha"] = p.Commit.Sha, ["status"] = p.Status,
        };
        job["runner"] = j.StartedAt is null ? null : Runner();
        job["tag_list"] = new JsonArray("k8s");
        job["artifacts"] = new JsonArray();
        job["artifacts_expire_at"] = null;
        return job;
    }

    private static JsonObject Runner() => new()
    {
        ["id"] = 31,
        ["description"] = "k8s-runner",
        ["active"] = true,
        ["is_shared"] = false,
    };

    private static double? Round(double? seconds) => seconds is { } s ? Math.Round(s, 2) : null;
}
