namespace ChatOps.Core.Catalog;

/// <summary>How a rollback of a bound service works.</summary>
public enum RollbackMode
{
    /// <summary>Run the GitLab pipeline again on the ref of the previous successful deploy to the same environment.</summary>
    PreviousPipeline,

    /// <summary>Run the binding's Zadig rollback workflow.</summary>
    Workflow,
}
