using ChatOps.Core.Audit;
using ChatOps.Core.Storage;

namespace ChatOps.Dialog.Tests.Fakes;

/// <summary>The audit port in memory, chained with the same <see cref="AuditChain"/> the stores use.</summary>
public sealed class InMemoryAuditLog(TimeProvider time) : IAuditLog
{
    private readonly List<AuditEntry> _rows = [];

    public IReadOnlyList<AuditEntry> Rows
    {
        get { lock (_rows) return _rows.ToList(); }
    }

    public Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            var entry = AuditChain.Next(_rows.LastOrDefault(), time.GetUtcNow(), auditEvent);
            _rows.Add(entry);
            return Task.FromResult(entry);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> AppendAllAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            IReadOnlyList<AuditEntry> added = auditEvents.Select(e => AppendAsync(e, cancellationToken).Result).ToList();
            return Task.FromResult(added);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditEntry> found = Rows.Where(r =>
                (filter.Actor is null || r.Event.Actor == filter.Actor) && (filter.Kind is null || r.Event.Kind == filter.Kind)
                && (filter.Intent is null || r.Event.Intent == filter.Intent) && (filter.Environment is null || r.Event.Environment == filter.Environment)
                && (filter.Service is null || (r.Event.Service ?? "").Split(',').Contains(filter.Service))
                && (filter.Since is null || r.At >= filter.Since) && (filter.Until is null || r.At < filter.Until))
            .Reverse().Take(filter.Limit).ToList();
        return Task.FromResult(found);
    }

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => Task.FromResult(AuditChain.Verify(Rows));
}
