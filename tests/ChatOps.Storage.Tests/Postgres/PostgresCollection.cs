namespace ChatOps.Storage.Tests.Postgres;

/// <summary>The tests that share one PostgreSQL server; each test class makes its own database on it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
