using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.GitLab;

internal static partial class GitLabJson
{
    /// <summary>Contract §6 Job Hook: object_kind "build", commit.id is the pipeline id.</summary>
    public static JsonObject JobHook(GitLabJob j)
    {
        var p = j.Pipeline;
        return new JsonObject
        {
            ["object_kind"] = "build",
            ["build_id"] = j.Id,
            ["build_name"] = j.Name,
            ["build_stage"] = j.Stage,
            ["build_status"] = j.Status,
            ["build_created_at"] = GitLabTime.Hook(j.CreatedAt),
            ["build_started_at"] = GitLabTime.Hook(j.StartedAt),
            ["build_finished_at"] = GitLabTime.Hook(j.FinishedAt),
            ["build_duration"] = Round(j.Duration),
            ["build_queued_duration"] = Round(j.QueuedDuration),
            ["build_allow_failure"] = false,
            ["build_failure_reason"] = j.FailureReason,
            ["pipeline_id"] = p.Id,
            ["project_id"] = p.Project.Id,
            ["project_name"] = $"{p.Project.Group} / {p.Project.Name}",
            ["ref"] = p.Ref,
            ["tag"] = p.Tag,
            ["sha"] = p.Commit.Sha,
            ["retries_count"] = j.Attempt,
            ["user"] = HookUser(),
            ["commit"] = new JsonObject
            {
                ["id"] = p.Id, ["sha"] = p.Commit.Sha, ["name"] = null, ["status"] = p.Status,
            },
            ["repository"] = new JsonObject { ["name"] = p.Project.Name },
            ["runner"] = null,
            ["environment"] = HookEnvironment(j),
        };
    }
}
