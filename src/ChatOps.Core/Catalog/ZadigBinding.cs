namespace ChatOps.Core.Catalog;

/// <summary>A Zadig workflow that deploys the service, with the job inputs of a run and how to roll back.</summary>
/// <param name="Project">The Zadig project key.</param>
/// <param name="Workflow">The workflow key (custom workflow, or product workflow when <see cref="ProductWorkflow"/>).</param>
/// <param name="Inputs">One entry per job to run; jobs not listed are skipped by Zadig.</param>
public sealed record ZadigBinding(string Project, string Workflow, IReadOnlyList<ZadigJobInput> Inputs)
{
    /// <summary>Workflow-level parameters (name to value, sent as type string).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The workflow a rollback runs, or null.</summary>
    public string? RollbackWorkflow { get; init; }

    /// <summary>The inputs of the rollback workflow; null reuses <see cref="Inputs"/>.</summary>
    public IReadOnlyList<ZadigJobInput>? RollbackInputs { get; init; }

    /// <summary>True to use the older product-workflow API (zadig.md §6.1) instead of a custom workflow.</summary>
    public bool ProductWorkflow { get; init; }

    /// <summary>True to ask Zadig to POST the result to the bot's callback URL (product workflows only, §6.2).</summary>
    public bool Callback { get; init; }
}
