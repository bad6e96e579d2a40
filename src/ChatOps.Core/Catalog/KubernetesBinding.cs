namespace ChatOps.Core.Catalog;

/// <summary>Where a service runs: its namespace, Deployment, pod label selector and, optionally, its main container.</summary>
public sealed record KubernetesBinding(string Namespace, string Deployment, string Selector, string? Container = null);
