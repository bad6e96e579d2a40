using ChatOps.Core.Execution;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Stores;

/// <summary>
/// Tracked runs in the <c>runs</c> table of either database; every write is one conditional statement, so hooks and polls
/// (on any replica) cannot lose each other's change.
/// </summary>
public sealed class SqlRunStore : IRunStore
{
    internal const string InsertSql =
        $"INSERT INTO runs ({RunRows.Columns}) VALUES (@id, @backend, @backendRunId, @requestedBy, @summary, @conversation, @message, @webUrl, @status, " +
        "@history, @callbackToken, @createdAt, @updatedAt, 1) ON CONFLICT (id) DO NOTHING";

    internal const string UpdateSql =
        "UPDATE runs SET backend = @backend, backend_run_id = @backendRunId, requested_by = @requestedBy, summary = @summary, " +
        "conversation = @conversation, message = @message, web_url = @webUrl, status = @status, history = @history, " +
        "callback_token = @callbackToken, created_at = @createdAt, updated_at = @updatedAt, version = version + 1 " +
        "WHERE id = @id AND version = @version";

    private readonly IStorageDatabase _database;
    private readonly SemaphoreSlim? _writeGate;
    private readonly string _findByBackendSql;
    private readonly string _listActiveSql;
    private readonly string _listRecentSql;
    private readonly string _listUnannouncedSql;

    /// <summary>A run store on <paramref name="database"/>, ordering same-millisecond runs and queueing writers as its dialect says.</summary>
    public SqlRunStore(IStorageDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var order = database.Dialect.InsertionOrder;
        _writeGate = database.Dialect.QueuesRunWriters ? new SemaphoreSlim(1, 1) : null;
        _findByBackendSql =
            $"SELECT {RunRows.Columns} FROM runs WHERE backend = @backend AND backend_run_id = @backendRunId ORDER BY created_at DESC, {order} DESC LIMIT 1";
        _listActiveSql = $"SELECT {RunRows.Columns} FROM runs WHERE status IN ('queued', 'running') ORDER BY created_at, {order}";
        _listRecentSql = $"SELECT {RunRows.Columns} FROM runs ORDER BY created_at DESC, {order} DESC LIMIT @count";
        _listUnannouncedSql =
            $"SELECT {RunRows.Columns} FROM runs WHERE message IS NULL AND created_at >= @since AND created_at < @before ORDER BY created_at, {order}";
    }

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
        var found = await QueryAsync($"SELECT {RunRows.Columns} FROM runs WHERE id = @id", cancellationToken, ("@id", id));
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The newest run with this backend id (a retry re-uses the backend id), or null.</summary>
    public async Task<RunRecord?> FindByBackendAsync(string backend, string backendRunId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(backend);
        ArgumentException.ThrowIfNullOrEmpty(backendRunId);
        var found = await QueryAsync(_findByBackendSql, cancellationToken, ("@backend", backend), ("@backendRunId", backendRunId));
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await WriteAsync(UpdateSql, [.. RunRows.Parameters(run), ("@version", run.Version)], cancellationToken) == 1;
    }

    /// <summary>Runs still queued or running, oldest first.</summary>
    public Task<IReadOnlyList<RunRecord>> ListActiveAsync(CancellationToken cancellationToken) =>
        QueryAsync(_listActiveSql, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListUnannouncedAsync(DateTimeOffset since, DateTimeOffset before, CancellationToken cancellationToken) =>
        QueryAsync(_listUnannouncedSql, cancellationToken, ("@since", since.ToUnixTimeMilliseconds()), ("@before", before.ToUnixTimeMilliseconds()));

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListRecentAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return QueryAsync(_listRecentSql, cancellationToken, ("@count", count));
    }

    private async Task<int> WriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        if (_writeGate is null)
            return await connection.ExecuteAsync(sql, cancellationToken, parameters);
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
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunRecord>();
        while (await reader.ReadAsync(cancellationToken))
            runs.Add(RunRows.Read(reader));
        return runs;
    }
}
