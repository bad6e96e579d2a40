using Refit;

namespace ChatOps.Executors.GitLab;

/// <summary>Query of E7 (gitlab.md §5): filters, order and offset paging; nulls are left out.</summary>
public sealed record PipelineQuery
{
    [AliasAs("ref")]
    public string? Ref { get; init; }

    [AliasAs("status")]
    public string? Status { get; init; }

    [AliasAs("order_by")]
    public string OrderBy { get; init; } = "id";

    [AliasAs("sort")]
    public string Sort { get; init; } = "desc";

    [AliasAs("page")]
    public int Page { get; init; } = 1;

    [AliasAs("per_page")]
    public int PerPage { get; init; } = 20;

    /// <summary>Only pipelines created after this ISO 8601 time.</summary>
    [AliasAs("created_after")]
    public string? CreatedAfter { get; init; }
}
