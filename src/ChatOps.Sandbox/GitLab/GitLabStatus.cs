namespace ChatOps.Sandbox.GitLab;

/// <summary>Pipeline/job status facts from contract §2 and the REST `detailed_status` object they imply.</summary>
internal static class GitLabStatus
{
    public static bool IsTerminal(string status) => status is "success" or "failed" or "canceled" or "skipped";

    /// <summary>The label GitLab shows (and sends as the hook's plain `detailed_status`).</summary>
    public static string Label(string status) => status switch
    {
        "success" => "passed",
        _ => status,
    };

    public static string Text(string status)
    {
        var label = Label(status);
        return char.ToUpperInvariant(label[0]) + label[1..];
    }
}
