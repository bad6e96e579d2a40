using ChatOps.Core.Audit;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>Maps <see cref="AuditEntry"/> to and from rows of the <c>audit</c> table.</summary>
internal static class AuditRows
{
    public const string Columns =
        "seq, at, kind, actor, conversation, request_id, intent, service, environment, git_ref, outcome, rule, detail, previous_hash, hash";

    public const string InsertSql =
        $"INSERT INTO audit ({Columns}) VALUES ($seq, $at, $kind, $actor, $conversation, $requestId, $intent, $service, $environment, " +
        "$ref, $outcome, $rule, $detail, $previousHash, $hash)";

    public static (string Name, object? Value)[] Parameters(AuditEntry entry)
    {
        var e = entry.Event;
        return
        [
            ("$seq", entry.Sequence), ("$at", entry.At.ToUnixTimeMilliseconds()), ("$kind", e.Kind), ("$actor", e.Actor), ("$conversation", e.Conversation),
            ("$requestId", e.RequestId), ("$intent", e.Intent), ("$service", e.Service), ("$environment", e.Environment), ("$ref", e.Ref),
            ("$outcome", e.Outcome), ("$rule", e.Rule), ("$detail", e.Detail), ("$previousHash", entry.PreviousHash), ("$hash", entry.Hash),
        ];
    }

    public static AuditEntry Read(SqliteDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var e = new AuditEvent(r.GetString(2), r.GetString(3), r.GetString(4), Text(5), Text(6), Text(7), Text(8), Text(9), Text(10), Text(11), Text(12));
        return new AuditEntry(r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), e, r.GetString(13), r.GetString(14));
    }
}
