using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Core.Audit;

/// <summary>The hash chain every audit store uses: each row's hash covers its fields and the previous row's hash.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>SHA-256 (lower-case hex) over the length-prefixed fields, so no two different rows can hash the same text.</summary>
    public static string Hash(long sequence, DateTimeOffset at, AuditEvent e, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     sequence.ToString(CultureInfo.InvariantCulture), at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                     e.Kind, e.Actor, e.Conversation, e.RequestId, e.Intent, e.Service, e.Environment, e.Ref, e.Outcome, e.Rule, e.Detail, previousHash,
                 })
        {
            // why: a null and an empty field must differ, and "ab"+"c" must differ from "a"+"bc"
            text.Append(field is null ? "-1" : field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The entry that follows <paramref name="previous"/> (null for the first row).</summary>
    public static AuditEntry Next(AuditEntry? previous, DateTimeOffset at, AuditEvent e)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        return new AuditEntry(sequence, at, e, previousHash, Hash(sequence, at, e, previousHash));
    }

    /// <summary>Walks <paramref name="entries"/> oldest first and reports the first gap, changed row or broken link.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var expectedPrevious = Genesis;
        long count = 0;
        foreach (var entry in entries)
        {
            count++;
            if (entry.Sequence != count) return new(false, count - 1, entry.Sequence, $"expected row {count}: a row is missing or out of order");
            if (entry.PreviousHash != expectedPrevious) return new(false, count - 1, entry.Sequence, "its previous hash does not match the row before it");
            if (Hash(entry.Sequence, entry.At, entry.Event, entry.PreviousHash) != entry.Hash) return new(false, count - 1, entry.Sequence, "its content does not match its hash (the row was changed)");
            expectedPrevious = entry.Hash;
        }

        return new(true, count, null, null);
    }
}
