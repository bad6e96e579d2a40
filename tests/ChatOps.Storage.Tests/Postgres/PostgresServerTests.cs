namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public void Without_the_debian_package_the_fixture_fails_saying_how_to_install_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-postgresql-{Guid.NewGuid():N}");

        var error = Assert.Throws<InvalidOperationException>(() => PostgresServer.FindBinDirectory(missing));

        Assert.Contains("make test-deps", error.Message, StringComparison.Ordinal);
        Assert.Contains("'postgresql'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_listens_on_loopback_only_and_answers()
    {
        using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString("postgres"));
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT current_setting('listen_addresses') || ' ' || current_setting('port')", connection);

        Assert.Equal($"127.0.0.1 {server.Port}", command.ExecuteScalar());
    }
}
