using ChatOps.Storage.Migrations;

namespace ChatOps.Storage.Tests.Migrations;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        var versions = MigrationCatalog.All.Select(m => m.Version);

        Assert.Equal(Enumerable.Range(1, MigrationCatalog.All.Count), versions);
        Assert.Equal(MigrationCatalog.All.Count, MigrationCatalog.Latest);
    }

    [Fact]
    public void Every_migration_carries_its_sql_and_name()
    {
        Assert.All(MigrationCatalog.All, m =>
        {
            Assert.Contains("CREATE TABLE", m.Sql, StringComparison.Ordinal);
            Assert.StartsWith(m.Version.ToString("000", System.Globalization.CultureInfo.InvariantCulture) + "_", m.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Postgres_migrations_are_numbered_from_one_and_each_number_names_the_same_change_as_in_sqlite()
    {
        Assert.Equal(Enumerable.Range(1, MigrationCatalog.Postgres.Count), MigrationCatalog.Postgres.Select(m => m.Version));
        // why: a SQLite migration may land first; its PostgreSQL twin must then take the same number (005_audit now has its twin).
        Assert.InRange(MigrationCatalog.Postgres.Count, 5, MigrationCatalog.All.Count);
        Assert.All(MigrationCatalog.Postgres, m => Assert.Equal(MigrationCatalog.All[m.Version - 1].Name, m.Name));
        Assert.All(MigrationCatalog.Postgres, m => Assert.Contains("CREATE TABLE", m.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public void The_sqlite_catalog_does_not_pick_up_the_postgres_files()
    {
        Assert.DoesNotContain(MigrationCatalog.All, m => m.Sql.Contains("PostgreSQL twin", StringComparison.Ordinal));
        Assert.All(MigrationCatalog.Postgres, m => Assert.Contains("PostgreSQL twin", m.Sql, StringComparison.Ordinal));
    }
}
