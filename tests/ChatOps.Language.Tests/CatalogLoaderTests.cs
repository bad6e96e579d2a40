using ChatOps.Core.Catalog;

namespace ChatOps.Language.Tests;

public class CatalogLoaderTests
{
    [Fact]
    public void Example_catalog_loads_with_protected_prod()
    {
        var catalog = CatalogLoader.Load(TestPaths.Catalog);
        Assert.True(catalog.FindEnvironment("prod")!.Protected);
        Assert.False(catalog.FindEnvironment("uat")!.Protected);
        Assert.Equal("payments", catalog.Resolve("service", "支付服务"));
        Assert.Equal("prod", catalog.Resolve("environment", "LIVE"));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line()
    {
        const string yaml = """
            environments:
              - name: Prod
                protected: maybe
              - aliases: [x]
            services:
              - name: cart
                aliases: [basket]
              - name: orders
                aliases: [basket]
                owner: team-a
            """;
        var ex = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(yaml, "bad.yaml"));
        Assert.Contains(ex.Errors, e => e.StartsWith("line 2:", StringComparison.Ordinal) && e.Contains("DNS-1123", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("line 3:", StringComparison.Ordinal) && e.Contains("true or false", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("line 4:", StringComparison.Ordinal) && e.Contains("no 'name'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("'basket' names both service 'cart' and service 'orders'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("line 10:", StringComparison.Ordinal) && e.Contains("unknown key 'owner'", StringComparison.Ordinal));
        Assert.Contains("bad.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_says_how_to_point_at_one()
    {
        var ex = Assert.Throws<CatalogException>(() => CatalogLoader.Load("/nonexistent/catalog.yaml"));
        Assert.Contains("--catalog", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_reports_the_line()
    {
        var ex = Assert.Throws<CatalogException>(() => CatalogLoader.Parse("environments:\n  - name: [dev\n", "x"));
        Assert.StartsWith("line ", ex.Errors[0], StringComparison.Ordinal);
    }
}
