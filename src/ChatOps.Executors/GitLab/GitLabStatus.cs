namespace ChatOps.Executors.GitLab;

/// <summary>The pipeline and job status groups of gitlab.md §2; unknown values count as not finished.</summary>
internal static class GitLabStatus
{
    public static bool IsTerminal(string status) => status is "success" or "failed" or "canceled" or "skipped";
}
