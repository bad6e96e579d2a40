namespace ChatOps.Core.Catalog;

/// <summary>How one service is deployed and observed in one environment, with <c>{service}</c> and <c>{environment}</c> filled in.</summary>
/// <remarks>Text may still hold <c>{ref}</c>, which the executors fill from the command (or the binding's default ref).</remarks>
public sealed record ServiceBinding(string Service, string Environment)
{
    /// <summary>The GitLab project and pipeline variables, or null when the service has no GitLab pipeline here.</summary>
    public GitLabBinding? GitLab { get; init; }

    /// <summary>The Zadig workflow and its job inputs, or null when the service has no Zadig workflow here.</summary>
    public ZadigBinding? Zadig { get; init; }

    /// <summary>Where the service runs in Kubernetes, or null when the bot may not look at it.</summary>
    public KubernetesBinding? Kubernetes { get; init; }

    /// <summary>The backend a deploy runs on; null when neither GitLab nor Zadig is bound.</summary>
    public DeployBackend? Deploy { get; init; }

    /// <summary>How a rollback works; null when the binding offers none.</summary>
    public RollbackMode? Rollback { get; init; }
}
