namespace ChatOps.Core.Audit;

/// <summary>A stored audit row: its place in the chain, when it was written, the event, and the hashes that make tampering show.</summary>
/// <param name="Sequence">1, 2, 3 … without gaps, in the order rows were appended.</param>
/// <param name="At">When the store appended the row (its clock, millisecond precision).</param>
/// <param name="Event">What happened.</param>
/// <param name="PreviousHash">The <see cref="Hash"/> of row <c>Sequence - 1</c> (<see cref="AuditChain.Genesis"/> for the first).</param>
/// <param name="Hash">SHA-256 (hex) of this row's fields and <paramref name="PreviousHash"/>, as <see cref="AuditChain.Hash"/> computes it.</param>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, AuditEvent Event, string PreviousHash, string Hash);
