using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxStoreTests(PostgresServer server) : InboxStoreContract(new PostgresUnderTest(server));
