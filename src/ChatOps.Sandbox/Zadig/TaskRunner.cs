using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Zadig;

/// <summary>Moves tasks created → running → passed|failed|cancelled|reject on the sandbox clock, stage by stage.</summary>
/// <remarks>Public members expect the caller to hold <see cref="ZadigWorld.Gate"/>; scheduled steps take it themselves.</remarks>
internal sealed partial class TaskRunner(ZadigWorld world, SimClock clock, SandboxKnobs knobs, ZadigNotifier notifier)
{
    public event Action<ServiceDeployment>? Deployed;

    private long Now => clock.Now.ToUnixTimeSeconds();

    public void Start(ZadigTask task) => Schedule(task, knobs.Steps.Queue, Begin);

    /// <summary>Cancels an unfinished task; false when it already ended.</summary>
    public bool Cancel(ZadigTask task, string user)
    {
        if (ZadigStatus.IsTerminal(task.Status))
        {
            return false;
        }

        foreach (var stage in task.Stages.Where(s => s.Status is "running" or ""))
        {
            foreach (var job in stage.Jobs.Where(j => !j.IsDone && j.Status != ""))
            {
                job.Status = "cancelled";
                job.EndTime = Now;
            }

            if (stage.Status == "running")
            {
                stage.Status = "cancelled";
                stage.EndTime = Now;
            }
        }

        task.Revoker = user;
        End(task, "cancelled", "");
        return true;
    }

    /// <summary>Re-runs the same task id from its first unfinished stage; false unless failed, timeout, cancelled or reject.</summary>
    public bool Retry(ZadigTask task)
    {
        if (!ZadigStatus.IsRetryable(task.Status))
        {
            return false;
        }

        foreach (var stage in task.Stages.Where(s => s.Status != "passed"))
        {
            stage.Status = "";
            stage.Error = "";
            foreach (var job in stage.Jobs.Where(j => j.Status != "passed"))
            {
                job.RetryCount += job.Status == "" ? 0 : 1;
                (job.Status, job.Error, job.StartTime, job.EndTime) = ("", "", 0, 0);
            }
        }

        task.IsRestart = true;
        task.Error = "";
        task.EndTime = 0;
        task.Revoker = "";
        task.Status = "running";
        task.Epoch++;
        RunNextStage(task);
        return true;
    }

    /// <summary>Decides a waiting approval job by its task job name; false when no such job waits.</summary>
    public bool Approve(ZadigTask task, string jobName, bool approve)
    {
        var stage = task.Stages.FirstOrDefault(s => s.Jobs.Any(j => j.Name == jobName && j.Status == "wait_for_approval"));
        if (stage is null)
        {
            return false;
        }

        var job = stage.Jobs.First(j => j.Name == jobName);
        job.Status = approve ? "passed" : "reject";
        job.EndTime = Now;
        StageProgress(task, stage);
        return true;
    }
}
