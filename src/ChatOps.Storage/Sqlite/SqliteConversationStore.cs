using ChatOps.Core.Chat;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Sqlite;

/// <summary>Conversations in the <c>conversations</c> table; every save is one conditional SQL statement, so concurrent writers cannot lose updates.</summary>
public sealed class SqliteConversationStore(SqliteDatabase database, TimeProvider timeProvider) : IConversationStore
{
    internal const string InsertSql =
        "INSERT INTO conversations (key, state, version, expires_at, updated_at) VALUES ($key, $state, 1, $expires, $now) " +
        "ON CONFLICT (key) DO NOTHING";

    internal const string UpdateSql =
        "UPDATE conversations SET state = $state, version = version + 1, expires_at = $expires, updated_at = $now " +
        "WHERE key = $key AND version = $expected";

    internal const string ExpiredSql =
        "SELECT key FROM conversations WHERE expires_at IS NOT NULL AND expires_at < $now ORDER BY expires_at";

    /// <inheritdoc />
    public async Task<StoredConversation?> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var text = ConversationKeyText.Format(key);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT state, version FROM conversations WHERE key = $key", ("$key", text));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredConversation(reader.GetString(0), reader.GetInt64(1))
            : null;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(ConversationKey key, string stateJson, long expectedVersion, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var text = ConversationKeyText.Format(key);
        ArgumentNullException.ThrowIfNull(stateJson);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(expectedVersion == 0 ? InsertSql : UpdateSql, cancellationToken,
            ("$key", text), ("$state", stateJson), ("$expected", expectedVersion),
            ("$expires", expiresAt?.ToUnixTimeMilliseconds()), ("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
        return changed == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationKey>> ListExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(ExpiredSql, ("$now", now.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ConversationKey>();
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(ConversationKeyText.Parse(reader.GetString(0)));
        return keys;
    }
}
