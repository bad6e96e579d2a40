using ChatOps.Core.Audit;

namespace ChatOps.Core.Storage;

/// <summary>The append-only audit trail: rows are added at the end of a hash chain and never updated or deleted.</summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="auditEvent"/> as the next row of the chain, stamped with the store's clock, and returns the stored row.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="auditEvents"/> in order as consecutive rows in one write (the rows of one chat turn), and returns them.</summary>
    Task<IReadOnlyList<AuditEntry>> AppendAllAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken);

    /// <summary>The rows matching <paramref name="filter"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>Walks the whole chain from the first row and reports whether any row was changed, removed or reordered.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
