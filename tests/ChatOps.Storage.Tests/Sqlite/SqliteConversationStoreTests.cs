using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteConversationStoreTests : ConversationStoreContract
{
    private readonly SqliteUnderTest _sqlite;

    public SqliteConversationStoreTests()
        : this(new SqliteUnderTest())
    {
    }

    private SqliteConversationStoreTests(SqliteUnderTest sqlite)
        : base(sqlite) => _sqlite = sqlite;

    [Fact]
    public async Task The_expiry_sweep_reads_the_expires_at_index()
    {
        await SaveAsync(Key, Now);
        using var raw = _sqlite.File.OpenRaw();
        using var explain = raw.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + SqlConversationStore.DueSql;
        explain.Parameters.AddWithValue("@now", 0L);

        using var reader = explain.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
            plan.Add(reader.GetString(3));

        Assert.Contains(plan, step => step.Contains("ix_conversations_expires_at", StringComparison.Ordinal));
    }
}
