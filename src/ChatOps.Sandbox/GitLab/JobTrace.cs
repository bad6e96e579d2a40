using System.Text;

namespace ChatOps.Sandbox.GitLab;

/// <summary>Builds a runner-style job log with ANSI colours and section markers (contract E15) from the job's state.</summary>
internal static class JobTrace
{
    private const string Esc = "\u001b";

    public static string Render(GitLabJob job)
    {
        if (job.StartedAt is not { } started)
        {
            return "";
        }

        var unix = started.ToUnixTimeSeconds();
        var log = new StringBuilder();
        log.Append($"{Esc}[0KRunning with gitlab-runner 17.5.0 (sandbox){Esc}[0;m\n");
        log.Append($"{Esc}[0K  on k8s-runner sandbox-31{Esc}[0;m\n");
        Section(log, unix, "prepare_executor", $"Preparing the \"kubernetes\" executor", "Using Kubernetes namespace: gitlab-runner");
        Section(log, unix + 2, "get_sources", "Getting source from Git repository",
            $"Checking out {job.Pipeline.Commit.ShortId} as detached HEAD (ref is {job.Pipeline.Ref})...");
        log.Append($"section_start:{unix + 4}:step_script\r{Esc}[0K{Esc}[0K{Esc}[36;1mExecuting \"step_script\" stage of the job script{Esc}[0;m\n");
        foreach (var line in Script(job))
        {
            log.Append(line).Append('\n');
        }

        if (!job.IsFinished)
        {
            return log.ToString();
        }

        log.Append($"section_end:{unix + 4}:step_script\r{Esc}[0K\n");
        log.Append(job.Status switch
        {
            "success" => $"{Esc}[32;1mJob succeeded{Esc}[0;m\n",
            "canceled" => $"{Esc}[31;1mERROR: Job failed: canceled{Esc}[0;m\n",
            _ => $"{Esc}[31;1mERROR: Job failed: exit code 1{Esc}[0;m\n",
        });
        return log.ToString();
    }

    private static void Section(StringBuilder log, long unix, string name, string title, string body)
    {
        log.Append($"section_start:{unix}:{name}\r{Esc}[0K{Esc}[0K{Esc}[36;1m{title}{Esc}[0;m\n");
        log.Append(body).Append('\n');
        log.Append($"section_end:{unix + 1}:{name}\r{Esc}[0K\n");
    }

    private static IEnumerable<string> Script(GitLabJob job)
    {
        var service = job.Pipeline.Project.Name;
        yield return $"{Esc}[32;1m$ make {job.Stage} SERVICE={service}{Esc}[0;m";
        switch (job.Stage)
        {
            case "build":
                yield return $"Building {service} at {job.Pipeline.Commit.ShortId}";
                yield return $"Successfully tagged registry.sandbox.local/{job.Pipeline.Project.PathWithNamespace}:{job.Pipeline.Commit.ShortId}";
                break;
            case "test":
                yield return "Running 214 tests";
                yield return job.Status == "failed" ? "FAILED CheckoutTotalsTest.applies_discount (expected 90.00, got 100.00)" : "214 passed, 0 failed";
                break;
            default:
                yield return $"Deploying {service} to {job.Environment ?? "dev"}";
                yield return job.Status == "failed"
                    ? $"Error: UPGRADE FAILED: timed out waiting for the condition (deployment/{service})"
                    : $"deployment.apps/{service} configured";
                break;
        }
    }
}
