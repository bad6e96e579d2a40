using ChatOps.Core.Storage;
using ChatOps.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Storage;

/// <summary>Registers this project's stores in a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons, the SQLite database at <paramref name="connectionStringOrPath"/> (migrated on first use,
    /// or earlier via <see cref="SqliteDatabase.MigrateAsync"/>) and the conversation, defaults, idempotency and run stores and the audit log on it.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string connectionStringOrPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        // why: a bad connection string fails at registration, not at the first message.
        var connectionString = SqliteConnectionStrings.Normalize(connectionStringOrPath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteDatabase(connectionString, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<IDefaultsStore, SqliteDefaultsStore>();
        services.AddSingleton<IIdempotencyStore, SqliteIdempotencyStore>();
        services.AddSingleton<IRunStore, SqliteRunStore>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        return services;
    }
}
