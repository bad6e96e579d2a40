namespace ChatOps.Core.Audit;

/// <summary>The result of walking the hash chain: intact, or the first row that does not fit and why.</summary>
public sealed record AuditVerification(bool Intact, long RowsChecked, long? BrokenAt, string? Problem)
{
    /// <summary>A sentence for people: "intact (12 rows)" or "broken at row 7: …".</summary>
    public override string ToString() => Intact ? $"intact ({RowsChecked} rows)" : $"broken at row {BrokenAt}: {Problem}";
}
