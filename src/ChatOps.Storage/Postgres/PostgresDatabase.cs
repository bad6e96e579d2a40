using System.Data.Common;
using ChatOps.Storage.Migrations;
using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>
/// One PostgreSQL database shared by any number of callers and replicas: it hands out pooled connections from one
/// <see cref="NpgsqlDataSource"/> and migrates the schema (under an advisory lock) before first use.
/// </summary>
public sealed class PostgresDatabase : IStorageDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Prepares (without connecting) the database of an Npgsql connection string; throws <see cref="ArgumentException"/> for one without a host.</summary>
    public PostgresDatabase(string connectionString, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var normalized = PostgresConnectionStrings.Normalize(connectionString);
        _dataSource = NpgsqlDataSource.Create(normalized);
        _timeProvider = timeProvider;
        Description = PostgresConnectionStrings.Describe(normalized);
    }

    /// <summary>"host:port/database", without credentials, for logs and error messages.</summary>
    public string Description { get; }

    /// <summary>Applies the migrations the database lacks, returning how many (0 when up to date); refuses a database migrated by a newer ChatOps.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            return await MigrateLockedAsync(cancellationToken);
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>PostgreSQL's dialect: same-millisecond runs ordered by the identity column <c>seq</c>, and no writer queue.</summary>
    public SqlDialect Dialect => SqlDialect.Postgres;

    /// <summary>An open connection (see <see cref="OpenConnectionAsync"/>) for the shared stores.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection on an up-to-date schema; dispose it to return it to the pool.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await _migrationGate.WaitAsync(cancellationToken);
            try
            {
                if (!_migrated)
                    await MigrateLockedAsync(cancellationToken);
            }
            finally
            {
                _migrationGate.Release();
            }
        }
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Closes the pool's connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the pool's connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private async Task<int> MigrateLockedAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"Cannot connect to the PostgreSQL database {Description}: {e.Message}. Check Storage:Postgres (host, port, database, username, password) " +
                "and that the server is running and the database exists.", e);
        }
        await using (connection)
        {
            var applied = await PostgresMigrator.ApplyAsync(connection, MigrationCatalog.Postgres, _timeProvider, cancellationToken);
            _migrated = true;
            return applied;
        }
    }
}
