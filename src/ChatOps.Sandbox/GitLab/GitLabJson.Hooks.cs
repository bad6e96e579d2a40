using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.GitLab;

internal static partial class GitLabJson
{
    /// <summary>Contract §6 Pipeline Hook: hook time format, plain-label detailed_status, variables without type.</summary>
    public static JsonObject PipelineHook(GitLabPipeline p, string web) => new()
    {
        ["object_kind"] = "pipeline",
        ["object_attributes"] = new JsonObject
        {
            ["id"] = p.Id,
            ["iid"] = p.Iid,
            ["name"] = null,
            ["ref"] = p.Ref,
            ["tag"] = p.Tag,
            ["sha"] = p.Commit.Sha,
            ["before_sha"] = new string('0', 40),
            ["source"] = p.Source,
            ["status"] = p.Status,
            ["detailed_status"] = GitLabStatus.Label(p.Status),
            ["stages"] = new JsonArray(p.Stages.Select(s => (JsonNode?)s).ToArray()),
            ["created_at"] = GitLabTime.Hook(p.CreatedAt),
            ["finished_at"] = GitLabTime.Hook(p.FinishedAt),
            ["duration"] = p.Duration,
            ["queued_duration"] = p.QueuedDuration is { } q ? (int)q : null,
            ["variables"] = new JsonArray(p.Variables
                .Select(v => (JsonNode?)new JsonObject { ["key"] = v.Key, ["value"] = v.Value }).ToArray()),
            ["url"] = PipelineUrl(p, web),
        },
        ["merge_request"] = null,
        ["user"] = HookUser(),
        ["project"] = HookProject(p.Project, web),
        ["commit"] = new JsonObject
        {
            ["id"] = p.Commit.Sha,
            ["message"] = p.Commit.Message,
            ["title"] = p.Commit.Title,
            ["timestamp"] = GitLabTime.Commit(p.Commit.CommittedDate),
            ["url"] = $"{web}/{p.Project.PathWithNamespace}/-/commit/{p.Commit.Sha}",
            ["author"] = new JsonObject { ["name"] = GitLabUser.Bot.Name, ["email"] = GitLabUser.Bot.Email },
        },
        ["builds"] = new JsonArray(p.LatestJobs.Select(j => (JsonNode?)HookBuild(j)).ToArray()),
    };

    private static JsonObject HookBuild(GitLabJob j) => new()
    {
        ["id"] = j.Id,
        ["stage"] = j.Stage,
        ["name"] = j.Name,
        ["status"] = j.Status,
        ["created_at"] = GitLabTime.Hook(j.CreatedAt),
        ["started_at"] = GitLabTime.Hook(j.StartedAt),
        ["finished_at"] = GitLabTime.Hook(j.FinishedAt),
        ["duration"] = Round(j.Duration),
        ["queued_duration"] = Round(j.QueuedDuration),
        ["failure_reason"] = j.FailureReason,
        ["when"] = "on_success",
        ["manual"] = false,
        ["allow_failure"] = false,
        ["user"] = HookUser(),
        ["runner"] = null,
        ["environment"] = HookEnvironment(j),
    };

    private static JsonObject HookUser() => new()
    {
        ["id"] = GitLabUser.Bot.Id,
        ["name"] = GitLabUser.Bot.Name,
        ["username"] = GitLabUser.Bot.Username,
        ["email"] = GitLabUser.Bot.Email,
    };

    private static JsonObject HookProject(GitLabProject p, string web) => new()
    {
        ["id"] = p.Id,
        ["name"] = p.Name,
        ["path_with_namespace"] = p.PathWithNamespace,
        ["web_url"] = $"{web}/{p.PathWithNamespace}",
        ["default_branch"] = p.DefaultBranch,
    };

    private static JsonObject? HookEnvironment(GitLabJob j) => j.Environment is null ? null : new JsonObject
    {
        ["name"] = j.Environment,
        ["action"] = "start",
        ["deployment_tier"] = j.Environment switch
        {
            "prod" or "production" => "production",
            "staging" or "uat" => "staging",
            "qa" or "test" => "testing",
            "dev" or "develop" => "development",
            _ => "other",
        },
    };
}
