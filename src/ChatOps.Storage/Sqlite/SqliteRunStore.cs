using ChatOps.Core.Execution;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Sqlite;

/// <summary>Tracked runs in the <c>runs</c> table; every write is one conditional statement, so a hook and a poll cannot lose each other's change.</summary>
public sealed class SqliteRunStore(SqliteDatabase database) : IRunStore
{
    // why: SQLite has one writer; queueing our own writers here is FIFO, while SQLite's busy handler makes a loser sleep 1, 2, 5, 10 … ms
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    internal const string Columns = RunRows.Columns;

    internal const string InsertSql =
        $"INSERT INTO runs ({Columns}) VALUES ($id, $backend, $backendRunId, $requestedBy, $summary, $conversation, $message, $webUrl, $status, " +
        "$history, $callbackToken, $createdAt, $updatedAt, 1) ON CONFLICT (id) DO NOTHING";

    internal const string UpdateSql =
        "UPDATE runs SET backend = $backend, backend_run_id = $backendRunId, requested_by = $requestedBy, summary = $summary, " +
        "conversation = $conversation, message = $message, web_url = $webUrl, status = $status, history = $history, " +
        "callback_token = $callbackToken, created_at = $createdAt, updated_at = $updatedAt, version = version + 1 " +
        "WHERE id = $id AND version = $version";

    /// <summary>Stores a new run at version 1 (whatever <see cref="RunRecord.Version"/> says); false when the id exists.</summary>
    public async Task<bool> AddAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await WriteAsync(InsertSql, RunRows.Parameters(run), cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var found = await QueryAsync($"SELECT {Columns} FROM runs WHERE id = $id", cancellationToken, ("$id", id));
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The newest run with this backend id (a retry re-uses the backend id), or null.</summary>
    public async Task<RunRecord?> FindByBackendAsync(string backend, string backendRunId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(backend);
        ArgumentException.ThrowIfNullOrEmpty(backendRunId);
        var found = await QueryAsync(
            $"SELECT {Columns} FROM runs WHERE backend = $backend AND backend_run_id = $backendRunId ORDER BY created_at DESC, rowid DESC LIMIT 1",
            cancellationToken, ("$backend", backend), ("$backendRunId", backendRunId));
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await WriteAsync(UpdateSql, [.. RunRows.Parameters(run), ("$version", run.Version)], cancellationToken) == 1;
    }

    /// <summary>Runs still queued or running, oldest first.</summary>
    public Task<IReadOnlyList<RunRecord>> ListActiveAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM runs WHERE status IN ('queued', 'running') ORDER BY created_at, rowid", cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListRecentAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return QueryAsync($"SELECT {Columns} FROM runs ORDER BY created_at DESC, rowid DESC LIMIT $count", cancellationToken, ("$count", count));
    }

    private async Task<int> WriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await connection.ExecuteAsync(sql, cancellationToken, parameters);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<IReadOnlyList<RunRecord>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(cancellationToken))
            runs.Add(RunRows.Read(reader));
        return runs;
    }
}
