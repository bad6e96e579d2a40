using ChatOps.Storage.Tests.Contracts;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteInboxStoreTests() : InboxStoreContract(new SqliteUnderTest());
