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
}
