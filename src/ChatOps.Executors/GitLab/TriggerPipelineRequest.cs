namespace ChatOps.Executors.GitLab;

/// <summary>The JSON body of E6 (gitlab.md §5): trigger token, ref and variables as a FLAT string map.</summary>
public sealed record TriggerPipelineRequest(string Token, string Ref, IReadOnlyDictionary<string, string> Variables);
