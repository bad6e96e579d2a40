using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.GitLab;

internal sealed partial class PipelineRunner
{
    private void ToPending(GitLabPipeline pipeline)
    {
        Set(pipeline, "pending");
        StartNext(pipeline);
    }

    /// <summary>Queues the first job that has not run yet; with none left the pipeline succeeds.</summary>
    private void StartNext(GitLabPipeline pipeline)
    {
        var next = pipeline.LatestJobs.FirstOrDefault(j => j.Status == "created");
        if (next is null)
        {
            Finish(pipeline, "success");
            return;
        }

        next.Status = "pending";
        next.QueuedAt = clock.Now;
        hooks.Job(next);
        Schedule(pipeline, knobs.Steps.Pickup, p => StartJob(p, next));
    }

    private void StartJob(GitLabPipeline pipeline, GitLabJob job)
    {
        job.Status = "running";
        job.StartedAt = clock.Now;
        hooks.Job(job);
        if (pipeline.Status != "running")
        {
            pipeline.StartedAt ??= clock.Now;
            Set(pipeline, "running");
        }

        Schedule(pipeline, knobs.Steps.Job, p => FinishJob(p, job));
    }

    private void FinishJob(GitLabPipeline pipeline, GitLabJob job)
    {
        var failed = knobs.IsFailingJob(job.Name);
        job.Status = failed ? "failed" : "success";
        job.FailureReason = failed ? "script_failure" : null;
        job.FinishedAt = clock.Now;
        pipeline.UpdatedAt = clock.Now;
        hooks.Job(job);
        if (!failed)
        {
            if (job.Environment is { } env)
            {
                var project = pipeline.Project;
                Deployed?.Invoke(new ServiceDeployment(env, project.Name, $"{registry}/{project.PathWithNamespace}:{pipeline.Commit.ShortId}"));
            }

            StartNext(pipeline);
            return;
        }

        foreach (var later in pipeline.LatestJobs.Where(j => j.Status == "created"))
        {
            later.Status = "skipped";
            hooks.Job(later);
        }

        Finish(pipeline, "failed");
    }

    private void Finish(GitLabPipeline pipeline, string status)
    {
        pipeline.FinishedAt = clock.Now;
        Set(pipeline, status);
    }

    private void Set(GitLabPipeline pipeline, string status)
    {
        pipeline.Status = status;
        pipeline.UpdatedAt = clock.Now;
        hooks.Pipeline(pipeline);
    }

    /// <summary>Runs a step later under the world lock unless cancel or retry made it stale.</summary>
    private void Schedule(GitLabPipeline pipeline, TimeSpan delay, Action<GitLabPipeline> step)
    {
        var epoch = pipeline.Epoch;
        clock.After(delay, () =>
        {
            lock (world.Gate)
            {
                if (pipeline.Epoch == epoch)
                {
                    step(pipeline);
                }
            }
        });
    }
}
