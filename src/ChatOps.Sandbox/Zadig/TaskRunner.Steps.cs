using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Zadig;

internal sealed partial class TaskRunner
{
    private void Begin(ZadigTask task)
    {
        task.Status = "running";
        task.StartTime = Now;
        RunNextStage(task);
    }

    private void RunNextStage(ZadigTask task)
    {
        var stage = task.Stages.FirstOrDefault(s => s.Status != "passed");
        if (stage is null)
        {
            End(task, "passed", "");
            return;
        }

        stage.Status = "running";
        stage.StartTime = Now;
        foreach (var job in stage.Jobs)
        {
            job.StartTime = Now;
            if (job.Type == "approval")
            {
                job.Status = "wait_for_approval";
                notifier.Workflow(task, "wait_for_approval");
                continue;
            }

            job.Status = "running";
            Schedule(task, knobs.Steps.Job, t => FinishJob(t, stage, job));
        }
    }

    private void FinishJob(ZadigTask task, ZadigTaskStage stage, ZadigTaskJob job)
    {
        var failed = knobs.IsFailingJob(job.OriginName);
        job.Status = failed ? "failed" : "passed";
        job.Error = failed ? $"job {job.DisplayName} failed: exit status 1" : "";
        job.EndTime = Now;
        if (!failed && job.Type == "zadig-deploy" && job.Env is not null && job.ServiceName is not null && job.Image is not null)
        {
            var env = world.Environments[job.Env];
            env.Images[job.ServiceName] = job.Image;
            env.UpdateTime = Now;
            env.UpdateBy = task.Creator;
            Deployed?.Invoke(new ServiceDeployment(job.Env, job.ServiceName, job.Image));
        }

        StageProgress(task, stage);
    }

    private void StageProgress(ZadigTask task, ZadigTaskStage stage)
    {
        if (!stage.Jobs.All(j => j.IsDone))
        {
            return;
        }

        stage.EndTime = Now;
        var bad = stage.Jobs.FirstOrDefault(j => j.Status != "passed");
        if (bad is null)
        {
            stage.Status = "passed";
            RunNextStage(task);
            return;
        }

        stage.Status = bad.Status;
        stage.Error = bad.Error;
        End(task, bad.Status, bad.Status == "reject" ? "" : $"job {bad.Name} failed");
    }

    private void End(ZadigTask task, string status, string error)
    {
        task.Status = status;
        task.Error = error;
        task.EndTime = Now;
        task.Epoch++;
        notifier.Workflow(task, status);
        notifier.Callback(task);
    }

    /// <summary>Runs a step later under the world lock unless cancel, retry or the end made it stale.</summary>
    private void Schedule(ZadigTask task, TimeSpan delay, Action<ZadigTask> step)
    {
        var epoch = task.Epoch;
        clock.After(delay, () =>
        {
            lock (world.Gate)
            {
                if (task.Epoch == epoch)
                {
                    step(task);
                }
            }
        });
    }
}
