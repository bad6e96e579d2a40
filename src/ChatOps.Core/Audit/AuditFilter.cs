namespace ChatOps.Core.Audit;

/// <summary>Which audit rows to list (every given field must match); newest first, at most <see cref="Limit"/>.</summary>
public sealed record AuditFilter
{
    public string? Actor { get; init; }
    public string? Kind { get; init; }
    public string? Intent { get; init; }
    public string? Service { get; init; }
    public string? Environment { get; init; }
    public string? RequestId { get; init; }

    /// <summary>Rows written at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Rows written before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    public int Limit { get; init; } = 50;
}
