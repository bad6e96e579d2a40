using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteIdempotencyStoreTests() : IdempotencyStoreContract(new SqliteUnderTest());
