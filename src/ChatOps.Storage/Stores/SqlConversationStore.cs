using ChatOps.Core.Chat;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Stores;

/// <summary>
/// Conversations in the <c>conversations</c> table of either database; every save is one conditional statement, so concurrent
/// writers (threads, processes or replicas) cannot lose each other's updates.
/// </summary>
public sealed class SqlConversationStore(IStorageDatabase database, TimeProvider timeProvider) : IConversationStore
{
    internal const string InsertSql =
        "INSERT INTO conversations (key, state, version, expires_at, updated_at) VALUES (@key, @state, 1, @expires, @now) " +
        "ON CONFLICT (key) DO NOTHING";

    // why: SQLite has one writer; under PostgreSQL's READ COMMITTED a second UPDATE of the row waits for the first to commit,
    // then re-checks version = @expected against the new row and changes nothing. Either way one saver of a version wins.
    internal const string UpdateSql =
        "UPDATE conversations SET state = @state, version = version + 1, expires_at = @expires, updated_at = @now " +
        "WHERE key = @key AND version = @expected";

    // why: expires_at holds the due time (an expiry, or when an Executing request counts as stranded); the key breaks ties between equal times, so both databases list them in the same order.
    internal const string DueSql =
        "SELECT key FROM conversations WHERE expires_at IS NOT NULL AND expires_at < @now ORDER BY expires_at, key";

    /// <inheritdoc />
    public async Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var text = ConversationKeyText.Format(key);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT state, version FROM conversations WHERE key = @key", ("@key", text));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredConversation(reader.GetString(0), reader.GetInt64(1))
            : null;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(ConversationKey key, string stateJson, long expectedVersion, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        var text = ConversationKeyText.Format(key);
        ArgumentNullException.ThrowIfNull(stateJson);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        (string, object?)[] parameters =
        [
            ("@key", text), ("@state", stateJson), ("@expires", dueAt?.ToUnixTimeMilliseconds()), ("@now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()),
        ];
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = expectedVersion == 0
            ? await connection.ExecuteAsync(InsertSql, cancellationToken, parameters)
            : await connection.ExecuteAsync(UpdateSql, cancellationToken, [.. parameters, ("@expected", expectedVersion)]);
        return changed == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationKey>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(DueSql, ("@now", now.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ConversationKey>();
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(ConversationKeyText.Parse(reader.GetString(0)));
        return keys;
    }
}
