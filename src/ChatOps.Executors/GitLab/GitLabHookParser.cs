using System.Globalization;
using System.Text.Json;
using ChatOps.Executors.Tracking;

namespace ChatOps.Executors.GitLab;

/// <summary>Reads a Pipeline Hook or Job Hook (gitlab.md §6) into a <see cref="RunUpdate"/> for the pipeline, keyed "project-id:pipeline-id".</summary>
internal static class GitLabHookParser
{
    /// <summary>The update a delivery carries, or null for other events, unknown statuses and payloads without ids (answered 200 and dropped).</summary>
    public static RunUpdate? Parse(JsonElement root, string? dedupeKey, DateTimeOffset at) => root.Text("object_kind") switch
    {
        "pipeline" => Pipeline(root, dedupeKey, at),
        "build" => Job(root, dedupeKey, at),
        _ => null,
    };

    private static RunUpdate? Pipeline(JsonElement root, string? dedupeKey, DateTimeOffset at)
    {
        var attributes = root.Child("object_attributes");
        var status = attributes.Text("status");
        return root.Child("project").Number("id") is { } project && attributes.Number("id") is { } pipeline && BackendStatus.GitLab(status) is { } mapped
            ? new RunUpdate(GitLabExecutor.Backend, Id(project, pipeline), mapped, at, "gitlab pipeline hook", $"pipeline {status}", dedupeKey, attributes.Text("url"))
            : null;
    }

    /// <summary>A Job Hook moves the pipeline by <c>commit.status</c>, the pipeline's status when the job changed (its <c>commit.id</c> is the pipeline id).</summary>
    private static RunUpdate? Job(JsonElement root, string? dedupeKey, DateTimeOffset at)
    {
        var commit = root.Child("commit");
        var status = commit.Text("status");
        var pipeline = root.Number("pipeline_id") ?? commit.Number("id");
        return root.Number("project_id") is { } project && pipeline is { } id && BackendStatus.GitLab(status) is { } mapped
            ? new RunUpdate(GitLabExecutor.Backend, Id(project, id), mapped, at, "gitlab job hook",
                $"job {root.Text("build_name")} {root.Text("build_status")}, pipeline {status}", dedupeKey)
            : null;
    }

    private static string Id(long project, long pipeline) => string.Create(CultureInfo.InvariantCulture, $"{project}:{pipeline}");
}
