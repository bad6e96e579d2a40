using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteAuditLogTests() : AuditLogContract(new SqliteUnderTest())
{
    protected override void BehindTheBotsBack(string trigger, string sql)
    {
        Storage.Scalar($"DROP TRIGGER {trigger}");
        Storage.Scalar(sql);
    }
}
