using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.GitLab;

/// <summary>Moves pipelines created → pending → running → success|failed|canceled on the sandbox clock, one job at a time.</summary>
/// <remarks>Public members expect the caller to hold <see cref="GitLabWorld.Gate"/>; scheduled steps take it themselves.</remarks>
internal sealed partial class PipelineRunner(GitLabWorld world, SimClock clock, SandboxKnobs knobs, GitLabHooks hooks, string registry)
{
    private static readonly (string Stage, string Name)[] Layout = [("build", "build"), ("test", "unit-test"), ("deploy", "deploy")];

    /// <summary>Raised (under the world lock) when a deploy job succeeds.</summary>
    public event Action<ServiceDeployment>? Deployed;

    public GitLabPipeline Create(GitLabProject project, string reference, IReadOnlyList<GitLabVariable> variables, string source)
    {
        var branch = project.FindBranch(reference);
        var target = branch ?? project.FindTag(reference)!;
        var now = clock.Now;
        var pipeline = new GitLabPipeline
        {
            Id = ++world.LastPipelineId,
            Iid = ++project.LastIid,
            Project = project,
            Ref = reference,
            Tag = branch is null,
            Commit = target.Commit,
            Source = source,
            Variables = variables,
            CreatedAt = now,
            UpdatedAt = now,
            Now = () => clock.Now,
        };
        var environment = pipeline.Variable("DEPLOY_ENV") ?? "dev";
        foreach (var (stage, name) in Layout)
        {
            var deploy = stage == "deploy";
            AddJob(pipeline, deploy ? $"deploy-{environment}" : name, stage, deploy ? environment : null, 0);
        }

        world.Pipelines[pipeline.Id] = pipeline;
        hooks.Pipeline(pipeline);
        Schedule(pipeline, knobs.Steps.Queue, ToPending);
        return pipeline;
    }

    public void Cancel(GitLabPipeline pipeline)
    {
        if (GitLabStatus.IsTerminal(pipeline.Status))
        {
            return;
        }

        var now = clock.Now;
        pipeline.Epoch++;
        foreach (var job in pipeline.LatestJobs.Where(j => !j.IsFinished).ToList())
        {
            job.Status = "canceled";
            job.FinishedAt = job.StartedAt is null ? null : now;
            hooks.Job(job);
        }

        Finish(pipeline, "canceled");
    }

    public void Retry(GitLabPipeline pipeline)
    {
        var again = pipeline.LatestJobs.Where(j => j.Status is "failed" or "canceled").ToList();
        if (again.Count == 0)
        {
            return;
        }

        pipeline.Epoch++;
        foreach (var job in again)
        {
            job.Retried = true;
            AddJob(pipeline, job.Name, job.Stage, job.Environment, job.Attempt + 1);
        }

        foreach (var job in pipeline.LatestJobs.Where(j => j.Status == "skipped"))
        {
            job.Status = "created";
        }

        pipeline.FinishedAt = null;
        Set(pipeline, "pending");
        StartNext(pipeline);
    }

    private void AddJob(GitLabPipeline pipeline, string name, string stage, string? environment, int attempt)
    {
        var job = new GitLabJob
        {
            Id = ++world.LastJobId,
            Pipeline = pipeline,
            Name = name,
            Stage = stage,
            Environment = environment,
            CreatedAt = clock.Now,
            Attempt = attempt,
        };
        var firstLater = pipeline.Jobs.FindIndex(j => StageIndex(j.Stage) > StageIndex(stage));
        pipeline.Jobs.Insert(firstLater < 0 ? pipeline.Jobs.Count : firstLater, job);
        world.Jobs[job.Id] = job;
    }

    private static int StageIndex(string stage) => Array.FindIndex(Layout, l => l.Stage == stage);
}
