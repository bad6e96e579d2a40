using ChatOps.Core.Storage;
using ChatOps.Storage.Postgres;
using ChatOps.Storage.Sqlite;
using ChatOps.Storage.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Storage;

/// <summary>Registers this project's stores in a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores of the database named by the <c>Storage</c> section: <c>Storage:Provider</c> = <c>sqlite</c> (default) with the
    /// file <c>Storage:Sqlite</c> (default <c>.data/chatops.db</c>, a relative path passed through <paramref name="resolvePath"/>), or
    /// <c>postgres</c> with the Npgsql connection string <c>Storage:Postgres</c>; throws <see cref="InvalidOperationException"/> saying what to fix.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, Func<string, string>? resolvePath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = StorageSettings.Read(configuration, resolvePath);
        return settings.Provider == StorageProvider.Postgres
            ? services.AddPostgresStorage(settings.Location)
            : services.AddSqliteStorage(settings.Location);
    }

    /// <summary>
    /// Registers, as singletons, the SQLite database at <paramref name="connectionStringOrPath"/> (migrated when a host starts, else on first use)
    /// and the conversation, defaults, idempotency and run stores and the audit log on it.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string connectionStringOrPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        // why: a bad connection string fails at registration, not at the first message.
        var connectionString = SqliteConnectionStrings.Normalize(connectionStringOrPath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteDatabase(connectionString, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton<IConversationStore, SqlConversationStore>();
        services.AddSingleton<IDefaultsStore, SqlDefaultsStore>();
        services.AddSingleton<IIdempotencyStore, SqlIdempotencyStore>();
        services.AddSingleton<IRunStore, SqlRunStore>();
        services.AddSingleton<IInboxStore, SqlInboxStore>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        return services;
    }

    /// <summary>
    /// Registers, as singletons, the PostgreSQL database of the Npgsql <paramref name="connectionString"/> (one connection pool, migrated
    /// under an advisory lock when a host starts, else on first use) and the four stores and the audit log on it; every replica may share it.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        var normalized = PostgresConnectionStrings.Normalize(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PostgresDatabase(normalized, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton<IConversationStore, SqlConversationStore>();
        services.AddSingleton<IDefaultsStore, SqlDefaultsStore>();
        services.AddSingleton<IIdempotencyStore, SqlIdempotencyStore>();
        services.AddSingleton<IRunStore, SqlRunStore>();
        services.AddSingleton<IInboxStore, SqlInboxStore>();
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        return services;
    }
}
