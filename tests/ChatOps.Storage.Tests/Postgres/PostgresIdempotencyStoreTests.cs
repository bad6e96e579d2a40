using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIdempotencyStoreTests(PostgresServer server) : IdempotencyStoreContract(new PostgresUnderTest(server));
