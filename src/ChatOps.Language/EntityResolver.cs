using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Language.Recognizers;

namespace ChatOps.Language;

/// <summary>Turns settled matches into the contract's entities, using the intent to decide what bare numbers and names are.</summary>
public static class EntityResolver
{
    private static readonly string[] SourceCues = ["from", "从", "把"];
    private static readonly string[] TargetCues = ["to", "into", "onto", "到", "至", "去", "上"];

    /// <summary>The entities of a message whose intent is <paramref name="intent"/>.</summary>
    public static ParsedEntities Resolve(string normalized, IReadOnlyList<EntityMatch> matches, string intent)
    {
        if (intent == IntentNames.OutOfScope) return ParsedEntities.Empty;
        var services = new List<string>();
        string? environment = null, reference = null, workflow = null, project = null, ns = null, pod = null;
        int? replicas = null, lines = null, since = null;
        long? pipelineId = null;
        var bareNumbers = new List<EntityMatch>();
        var names = new List<EntityMatch>();
        foreach (var m in matches)
        {
            switch (m.Entity)
            {
                case EntityNames.Service when !services.Contains((string)m.Value): services.Add((string)m.Value); break;
                case EntityNames.Ref: reference ??= (string)m.Value; break;
                case EntityNames.Workflow: workflow ??= (string)m.Value; break;
                case EntityNames.Project: project ??= (string)m.Value; break;
                case EntityNames.Namespace: ns ??= (string)m.Value; break;
                case EntityNames.Pod: pod ??= (string)m.Value; break;
                case EntityNames.Replicas: replicas ??= ToInt(m.Value); break;
                case EntityNames.Lines: lines ??= ToInt(m.Value); break;
                case EntityNames.Since: since ??= ToInt(m.Value); break;
                case EntityNames.PipelineId: pipelineId ??= (long)m.Value; break;
                case CandidateKinds.Number or CandidateKinds.LastCount: bareNumbers.Add(m); break;
                case CandidateKinds.Name: names.Add(m); break;
                case CandidateKinds.LooseRef: names.Insert(0, m); break;
            }
        }

        environment = PickEnvironment(normalized, matches);
        foreach (var n in bareNumbers)
        {
            var value = (long)n.Value;
            switch (intent)
            {
                case IntentNames.K8sScale when replicas is null && value <= 10_000: replicas = (int)value; break;
                case IntentNames.K8sLogs when lines is null && value <= 1_000_000: lines = (int)value; break;
                case IntentNames.PipelineStatus or IntentNames.PipelineCancel or IntentNames.PipelineRetry or IntentNames.PipelineRun
                    when pipelineId is null && n.Entity == CandidateKinds.Number && value >= 10:
                    pipelineId = value;
                    break;
            }
        }

        var isWorkflow = intent is IntentNames.WorkflowRun or IntentNames.WorkflowStatus;
        if (names.Count > 0 && workflow is null && isWorkflow) workflow = (string)names[0].Value;
        else if (!isWorkflow && reference is null && names.FirstOrDefault(n => n.Entity == CandidateKinds.LooseRef) is { } loose) reference = (string)loose.Value;

        return new ParsedEntities
        {
            Services = services, Environment = environment, Ref = reference, Workflow = workflow, Project = project,
            Namespace = ns, Pod = pod, Replicas = replicas, Lines = lines, Since = since, PipelineId = pipelineId,
        };
    }

    // With two environments ("from staging to prod", "把预发的版本推到生产") the target is the one that counts.
    private static string? PickEnvironment(string normalized, IReadOnlyList<EntityMatch> matches)
    {
        var envs = matches.Where(m => m.Entity == EntityNames.Environment).ToList();
        if (envs.Count <= 1) return envs.Count == 1 ? (string)envs[0].Value : null;
        var distinct = envs.Select(e => (string)e.Value).Distinct().Count();
        if (distinct == 1) return (string)envs[0].Value;
        var target = envs.FirstOrDefault(e => TokenScanner.EndsWithWord(TokenScanner.Before(normalized, e.Start, 8), TargetCues));
        if (target is not null) return (string)target.Value;
        var notSource = envs.Where(e => !TokenScanner.EndsWithWord(TokenScanner.Before(normalized, e.Start, 8), SourceCues)).ToList();
        return (string)(notSource.Count > 0 ? notSource[^1] : envs[^1]).Value;
    }

    private static int ToInt(object value) => (int)Math.Clamp((long)value, 0, int.MaxValue);
}
