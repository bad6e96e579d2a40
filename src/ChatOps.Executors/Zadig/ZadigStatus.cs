namespace ChatOps.Executors.Zadig;

/// <summary>Status groups of zadig.md §3 (custom tasks) and §6.1 (product tasks); unknown values count as in progress.</summary>
internal static class ZadigStatus
{
    public static bool IsTerminal(string? status) => status is "passed" or "failed" or "timeout" or "cancelled" or "reject";

    public static bool IsRetryable(string? status) => status is "failed" or "timeout" or "cancelled" or "reject";

    public static string Show(string? status) => string.IsNullOrEmpty(status) ? "not started" : status;
}
