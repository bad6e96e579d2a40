using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.GitLab;

public sealed partial class GitLabEmulator
{
    private void MapJobs(WebApplication app)
    {
        app.MapGet(PipelineRoute + "/jobs", (HttpContext context, string id, long pipelineId, bool? include_retried) =>
            WithPipeline(id, pipelineId, p =>
            {
                var scopes = Scopes(context.Request.Query);
                var jobs = (include_retried == true ? p.Jobs : p.LatestJobs)
                    .Where(j => scopes.Count == 0 || scopes.Contains(j.Status))
                    .OrderByDescending(j => j.Id).ToList();
                return List(GitLabPaging.Page(context, jobs), j => GitLabJson.Job(j, WebBase));
            }));

        app.MapGet(ProjectRoute + "/jobs/{jobId:long}", (string id, long jobId) =>
            WithJob(id, jobId, j => Reply.Json(GitLabJson.Job(j, WebBase))));

        app.MapGet(ProjectRoute + "/jobs/{jobId:long}/trace", (HttpContext context, string id, long jobId) =>
            WithJob(id, jobId, j =>
            {
                context.Response.Headers.ContentDisposition = $"infile; filename=\"{j.Id}.log\"";
                return Reply.Text(JobTrace.Render(j));
            }));
    }

    /// <summary>Accepts both `scope[]=a&amp;scope[]=b` and a single `scope=a`.</summary>
    private static HashSet<string> Scopes(IQueryCollection query) =>
        query["scope[]"].Concat(query["scope"]).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToHashSet();

    private IResult WithJob(string id, long jobId, Func<GitLabJob, IResult> action) => WithProject(id, p =>
        _world.Jobs.TryGetValue(jobId, out var job) && job.Pipeline.Project == p ? action(job) : GitLabErrors.NotFound());
}
