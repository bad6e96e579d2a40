using ChatOps.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Cli.Hosting;

/// <summary>Opens the bot's store for the commands that read it (<c>chatops runs</c>, <c>chatops audit</c>): SQLite or PostgreSQL as configured.</summary>
internal static class StoreAccess
{
    /// <summary>The configured store, migrated, or the SQLite file <paramref name="sqliteFile"/> names; null (with the reason on stderr) when there is none.</summary>
    public static async Task<ServiceProvider?> OpenAsync(string command, string? sqliteFile, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (sqliteFile is not null) (overrides["Storage:Provider"], overrides["Storage:Sqlite"]) = ("sqlite", Path.GetFullPath(sqliteFile));
        var configuration = BotConfiguration.Build(overrides);
        var sqlite = BotConfiguration.Resolve(configuration["Storage:Sqlite"] ?? ".data/chatops.db");
        if (!string.Equals(configuration["Storage:Provider"], "postgres", StringComparison.OrdinalIgnoreCase) && !File.Exists(sqlite))
        {
            await Console.Error.WriteLineAsync($"chatops {command}: no bot database at {sqlite}; start the bot (make run or chatops serve), pass --db FILE, or set Storage:Provider and Storage:Postgres").ConfigureAwait(false);
            return null;
        }

        ServiceProvider? services = null;
        try
        {
            services = new ServiceCollection().AddLogging().AddStorage(configuration, BotConfiguration.Resolve).BuildServiceProvider();
            await services.GetRequiredService<IStorageDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            return services;
        }
        catch (InvalidOperationException ex)
        {
            if (services is not null) await services.DisposeAsync().ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"chatops {command}: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
