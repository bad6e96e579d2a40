namespace ChatOps.Core.Catalog;

/// <summary>The backend that runs a deploy of a bound service.</summary>
public enum DeployBackend
{
    /// <summary>A GitLab pipeline.</summary>
    GitLab,

    /// <summary>A Zadig workflow task.</summary>
    Zadig,
}
