using ChatOps.Core.Storage;
using ChatOps.Storage.Migrations;
using ChatOps.Storage.Postgres;
using ChatOps.Storage.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Storage.Tests;

public sealed class AddStorageTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task Without_a_provider_the_sqlite_file_of_Storage_Sqlite_is_used()
    {
        await using var provider = Build(("Storage:Sqlite", _file.FilePath)).BuildServiceProvider();

        Assert.IsType<SqlConversationStore>(provider.GetRequiredService<IConversationStore>());
        Assert.Equal(MigrationCatalog.All.Count, await provider.GetRequiredService<IStorageDatabase>().MigrateAsync(CancellationToken.None));
        Assert.True(File.Exists(_file.FilePath));
    }

    [Fact]
    public void A_relative_sqlite_path_goes_through_the_resolver_but_a_connection_string_does_not()
    {
        var seen = new List<string>();
        string Resolve(string path)
        {
            seen.Add(path);
            return _file.FilePath;
        }

        new ServiceCollection().AddStorage(Config(("Storage:Provider", "SQLite")), Resolve);
        new ServiceCollection().AddStorage(Config(("Storage:Sqlite", $"Data Source={_file.FilePath}")), Resolve);

        Assert.Equal([StorageSettings.DefaultSqlitePath], seen);
    }

    [Fact]
    public void Postgres_registers_the_postgres_stores_without_connecting()
    {
        using var provider = Build(("Storage:Provider", "postgres"), ("Storage:Postgres", "Host=db.invalid;Database=chatops;Username=bot")).BuildServiceProvider();

        Assert.IsType<SqlIdempotencyStore>(provider.GetRequiredService<IIdempotencyStore>());
        Assert.IsType<SqlRunStore>(provider.GetRequiredService<IRunStore>());
        Assert.IsType<PostgresAuditLog>(provider.GetRequiredService<IAuditLog>());
        Assert.Same(provider.GetRequiredService<PostgresDatabase>(), provider.GetRequiredService<IStorageDatabase>());
    }

    [Fact]
    public async Task A_host_migrates_the_database_when_it_starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddStorage(Config(("Storage:Sqlite", _file.FilePath)));
        using var host = builder.Build();

        await host.StartAsync();

        using (var raw = _file.OpenRaw())
            Assert.Equal((long)MigrationCatalog.All.Count, TempDatabase.Scalar(raw, "SELECT count(*) FROM schema_migrations"));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_host_whose_postgres_server_is_unreachable_does_not_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddStorage(Config(("Storage:Provider", "postgres"), ("Storage:Postgres", "Host=127.0.0.1;Port=1;Database=chatops;Username=u;Timeout=2")));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Cannot connect to the PostgreSQL database 127.0.0.1:1/chatops", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_names_that_work()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("Storage:Provider", "mysql")));

        Assert.Contains("Storage:Provider is 'mysql'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'sqlite'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'postgres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_says_which_key_and_variable_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("Storage:Provider", "postgres")));

        Assert.Contains("Storage:Postgres is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("CHATOPS__Storage__Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_postgres_connection_string_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Build(("Storage:Provider", "postgres"), ("Storage:Postgres", "Hots=db;Password=s3cret")));

        Assert.StartsWith("Storage:Postgres cannot be used", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_that_breaks_the_connection_string_is_not_quoted_back()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Build(("Storage:Provider", "postgres"), ("Storage:Postgres", "Host=db;Password=se;cretpart")));

        Assert.Contains("withheld", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cretpart", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cretpart", error.InnerException?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void An_in_memory_sqlite_database_is_refused_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("Storage:Sqlite", ":memory:")));

        Assert.Contains("Storage:Sqlite is ':memory:'", error.Message, StringComparison.Ordinal);
        Assert.Contains("database file", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _file.Dispose();

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static IServiceCollection Build(params (string Key, string Value)[] values) => new ServiceCollection().AddStorage(Config(values));
}
