using System.Text.Json;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Stores;

/// <summary>User and channel defaults in the <c>defaults</c> table of either database, one <see cref="UserDefaults"/> JSON document per scope.</summary>
public sealed class SqlDefaultsStore(IStorageDatabase database, TimeProvider timeProvider) : IDefaultsStore
{
    /// <inheritdoc />
    public async Task<UserDefaults> GetAsync(string scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync("SELECT json FROM defaults WHERE scope = @scope", cancellationToken, ("@scope", scope)) is string json
            ? JsonSerializer.Deserialize<UserDefaults>(json, DefaultsJson.Options) ?? UserDefaults.None
            : UserDefaults.None;
    }

    /// <inheritdoc />
    public async Task SetAsync(string scope, UserDefaults defaults, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(defaults);
        var json = JsonSerializer.Serialize(defaults, DefaultsJson.Options);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO defaults (scope, json, updated_at) VALUES (@scope, @json, @now) " +
            "ON CONFLICT (scope) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
            cancellationToken,
            ("@scope", scope), ("@json", json), ("@now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
    }
}
