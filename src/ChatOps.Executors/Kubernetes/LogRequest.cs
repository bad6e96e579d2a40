namespace ChatOps.Executors.Kubernetes;

/// <summary>Which log to read: a pod (name or prefix) or the service's newest running one, a container, a line count, a time window, the crashed instance.</summary>
public sealed record LogRequest(string? Pod = null, string? Container = null, int? Lines = null, int? SinceSeconds = null, bool Previous = false);
