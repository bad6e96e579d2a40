using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConversationStoreTests(PostgresServer server) : ConversationStoreContract(new PostgresUnderTest(server))
{
    [Fact]
    public async Task The_expiry_sweep_can_read_the_partial_expires_at_index()
    {
        await SaveAsync(Key, Now);

        var plan = ((PostgresUnderTest)Storage).Plan(SqlConversationStore.DueSql.Replace("@now", "0", StringComparison.Ordinal));

        Assert.Contains("ix_conversations_expires_at", plan, StringComparison.Ordinal);
    }
}
