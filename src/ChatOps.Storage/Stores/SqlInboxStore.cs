using ChatOps.Core.Storage;

namespace ChatOps.Storage.Stores;

/// <summary>
/// The <c>inbox</c> table of either database. Taking stale rows is one <c>UPDATE … RETURNING</c> whose outer condition is checked again
/// against the row it locks, so two replicas taking at once never both get the same row.
/// </summary>
public sealed class SqlInboxStore(IStorageDatabase database, TimeProvider timeProvider) : IInboxStore
{
    private const string TakeSql =
        """
        UPDATE inbox SET taken_at = @now, attempts = attempts + 1
        WHERE taken_at < @cutoff AND id IN (SELECT id FROM inbox WHERE taken_at < @cutoff ORDER BY taken_at LIMIT @max)
        RETURNING id, kind, payload, received_at, attempts
        """;

    /// <inheritdoc />
    public async Task AddAsync(string id, string kind, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(payload);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO inbox (id, kind, payload, received_at, taken_at) VALUES (@id, @kind, @payload, @now, @now) ON CONFLICT (id) DO NOTHING",
            cancellationToken, ("@id", id), ("@kind", kind), ("@payload", payload), ("@now", now));
    }

    /// <inheritdoc />
    public async Task DoneAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM inbox WHERE id = @id", cancellationToken, ("@id", id));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InboxItem>> TakeStaleAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(TakeSql,
            ("@now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()), ("@cutoff", cutoff.ToUnixTimeMilliseconds()), ("@max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<InboxItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new InboxItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetInt32(4)));
        }

        return items;
    }
}
