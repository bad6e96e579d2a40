using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresDefaultsStoreTests(PostgresServer server) : DefaultsStoreContract(new PostgresUnderTest(server));
