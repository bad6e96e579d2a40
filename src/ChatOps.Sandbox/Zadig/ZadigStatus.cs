namespace ChatOps.Sandbox.Zadig;

/// <summary>Terminal statuses of contract §3.</summary>
internal static class ZadigStatus
{
    public static bool IsTerminal(string status) => status is "passed" or "failed" or "timeout" or "cancelled" or "reject";

    public static bool IsRetryable(string status) => status is "failed" or "timeout" or "cancelled" or "reject";
}
