using System.Text.RegularExpressions;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;

namespace ChatOps.Dialog.Policy;

/// <summary>
/// What a value must look like before it may reach a backend API: Kubernetes names are DNS-1123, refs follow git's ref rules without
/// template characters, project paths and workflow names are plain. Nothing here is ever given to a shell; this keeps odd text out of URLs and templates too.
/// </summary>
public static partial class InputRules
{
    /// <summary>The longest chat message the dialog reads.</summary>
    public const int DefaultMaxMessageLength = 4000;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex(@"^(\d+|[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+)+)$")]
    private static partial Regex ProjectPath();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")]
    private static partial Regex PlainName();

    [GeneratedRegex(@"[\x00-\x20\x7F~^:?*\[\\{}$`'""<>|;&()]")]
    private static partial Regex RefForbiddenCharacters();

    /// <summary>The first value of <paramref name="command"/> that may not be used, as (slot, why), or null when all are fine.</summary>
    public static (string Slot, string Why)? Check(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var s = command.Slots;
        if (s.Namespace is { } ns && (ns.Length > 63 || !Dns1123Label().IsMatch(ns))) return (EntityNames.Namespace, $"`{Show(ns)}` is not a Kubernetes namespace name (lower-case letters, digits and '-', at most 63)");
        if (s.Pod is { } pod && (pod.Length > 253 || !Dns1123Subdomain().IsMatch(pod))) return (EntityNames.Pod, $"`{Show(pod)}` is not a Kubernetes pod name (lower-case letters, digits, '-' and '.', at most 253)");
        if (s.Ref is { } reference && RefProblem(reference) is { } why) return (EntityNames.Ref, why);
        if (s.Project is { } project && (project.Length > 255 || !ProjectPath().IsMatch(project) || project.Contains("..", StringComparison.Ordinal))) return (EntityNames.Project, $"`{Show(project)}` is not a GitLab project path like shop/checkout or a numeric id");
        if (s.Workflow is { } workflow && !PlainName().IsMatch(workflow)) return (EntityNames.Workflow, $"`{Show(workflow)}` is not a workflow name (letters, digits, '_', '.', '-')");
        foreach (var service in s.Services.Where(v => !PlainName().IsMatch(v))) return (EntityNames.Service, $"`{Show(service)}` is not a service name");
        if (s.Replicas is < 0 or > 1000) return (EntityNames.Replicas, "replicas must be between 0 and 1000");
        if (s.Lines is < 1 or > 10_000) return (EntityNames.Lines, "lines must be between 1 and 10000");
        if (s.PipelineId is < 1) return (EntityNames.PipelineId, "a pipeline id is a positive number");
        return null;
    }

    /// <summary>Why <paramref name="reference"/> is not a usable git ref (git check-ref-format, plus no template or shell characters), or null.</summary>
    public static string? RefProblem(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var bad = reference.Length is 0 or > 200
            || RefForbiddenCharacters().IsMatch(reference)
            || reference.Contains("..", StringComparison.Ordinal) || reference.Contains("//", StringComparison.Ordinal) || reference.Contains("@{", StringComparison.Ordinal)
            || reference.StartsWith('-') || reference.StartsWith('/') || reference.EndsWith('/') || reference.EndsWith('.') || reference.EndsWith(".lock", StringComparison.Ordinal)
            || reference == "@";
        return bad ? $"`{Show(reference)}` is not a branch, tag or commit name git would accept" : null;
    }

    // why: the value is echoed back in a reply; keep it short and without backticks that would break the formatting
    private static string Show(string value) => (value.Length > 60 ? value[..60] + "…" : value).Replace('`', '\'');
}
