using System.Data.Common;
using ChatOps.Storage.Migrations;
using ChatOps.Storage.Stores;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>
/// One SQLite database file shared by any number of concurrent callers: it hands out pooled connections
/// configured for WAL, a busy timeout, synchronous=NORMAL and foreign keys, and migrates the schema before first use.
/// </summary>
public sealed class SqliteDatabase : IStorageDatabase, IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private readonly string _connectionPragmas;
    private volatile bool _migrated;

    /// <summary>Prepares (without opening) the database at a file path or a Microsoft.Data.Sqlite connection string; in-memory databases are refused.</summary>
    public SqliteDatabase(string connectionStringOrPath, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ConnectionString = SqliteConnectionStrings.Normalize(connectionStringOrPath);
        _timeProvider = timeProvider;
        // why: the default checkpoint every 1,000 WAL pages landed inside a chat turn often enough to make it the turn's p99 (7.6 ms with the
        // audit trail); every 10,000 pages (about 40 MB) it is rare, and journal_size_limit trims the WAL file back to 64 MB afterwards
        _connectionPragmas =
            $"PRAGMA busy_timeout = {SqliteConnectionStrings.BusyTimeoutMilliseconds(ConnectionString)}; " +
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 10000; PRAGMA journal_size_limit = 67108864;";
    }

    /// <summary>The normalized connection string of the database file.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Switches the file to WAL and applies the migrations it lacks, returning how many were applied (0 when up to date);
    /// throws <see cref="InvalidOperationException"/> when the file was migrated by a newer ChatOps.
    /// </summary>
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

    /// <summary>SQLite's dialect: same-millisecond rows ordered by <c>rowid</c>, and run writers queued in the store.</summary>
    public SqlDialect Dialect => SqlDialect.Sqlite;

    /// <summary>An open, configured connection (see <see cref="OpenConnectionAsync"/>) for the shared stores.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenConnectionAsync(cancellationToken);

    /// <summary>An open, configured connection on an up-to-date schema; dispose it to return it to the pool.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
            await EnsureMigratedAsync(cancellationToken);
        return await OpenConfiguredAsync(cancellationToken);
    }

    /// <summary>Closes the idle pooled connections of this file, so it can be copied, moved or reopened (a later call simply opens new ones).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task EnsureMigratedAsync(CancellationToken cancellationToken)
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

    private async Task<int> MigrateLockedAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SqliteConnectionStrings.FilePath(ConnectionString))!);
        await using var connection = await OpenConfiguredAsync(cancellationToken);
        // why: journal_mode is stored in the file, so setting it once here covers every later connection.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL", cancellationToken);
        var applied = await SqliteMigrator.ApplyAsync(connection, MigrationCatalog.All, _timeProvider, cancellationToken);
        _migrated = true;
        return applied;
    }

    private async Task<SqliteConnection> OpenConfiguredAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(_connectionPragmas, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
