namespace ChatOps.Core.Execution;

/// <summary>A long run started on a backend (GitLab pipeline, Zadig task, Kubernetes rollout) that reports back later.</summary>
public sealed record RunHandle(string Backend, string RunId, string? WebUrl, string Status);
