using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteDefaultsStoreTests() : DefaultsStoreContract(new SqliteUnderTest());
