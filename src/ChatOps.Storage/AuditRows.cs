using System.Data.Common;
using ChatOps.Core.Audit;

namespace ChatOps.Storage;

/// <summary>Maps <see cref="AuditEntry"/> to and from rows of the <c>audit</c> table in either database.</summary>
internal static class AuditRows
{
    public const string Columns =
        "seq, at, kind, actor, conversation, request_id, intent, service, environment, git_ref, outcome, rule, detail, previous_hash, hash";

    /// <summary>The last row of the chain, which the next append links to.</summary>
    public const string LastSql = $"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT 1";

    /// <summary>The whole chain, oldest first, as <see cref="AuditChain.Verify"/> walks it.</summary>
    public const string ChainSql = $"SELECT {Columns} FROM audit ORDER BY seq";

    private static readonly string[] Names =
        ["seq", "at", "kind", "actor", "conversation", "requestId", "intent", "service", "environment", "ref", "outcome", "rule", "detail", "previousHash", "hash"];

    /// <summary>The INSERT of one row, with <c>@name</c> parameters (both providers bind them).</summary>
    public static string InsertSql { get; } = $"INSERT INTO audit ({Columns}) VALUES ({string.Join(", ", Names.Select(n => "@" + n))})";

    /// <summary>The entry's values as the parameters of <see cref="InsertSql"/> (<c>@name</c> on both providers).</summary>
    public static (string Name, object? Value)[] Parameters(AuditEntry entry)
    {
        var e = entry.Event;
        return
        [
            ("seq", entry.Sequence), ("at", entry.At.ToUnixTimeMilliseconds()), ("kind", e.Kind), ("actor", e.Actor), ("conversation", e.Conversation),
            ("requestId", e.RequestId), ("intent", e.Intent), ("service", e.Service), ("environment", e.Environment), ("ref", e.Ref),
            ("outcome", e.Outcome), ("rule", e.Rule), ("detail", e.Detail), ("previousHash", entry.PreviousHash), ("hash", entry.Hash),
        ];
    }

    /// <summary>The entry of the current row, read in the order of <see cref="Columns"/>.</summary>
    public static AuditEntry Read(DbDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var e = new AuditEvent(r.GetString(2), r.GetString(3), r.GetString(4), Text(5), Text(6), Text(7), Text(8), Text(9), Text(10), Text(11), Text(12));
        return new AuditEntry(r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), e, r.GetString(13), r.GetString(14));
    }
}
