using System.Data.Common;

namespace ChatOps.Storage;

/// <summary>The database the stores share, SQLite or PostgreSQL: migrated on first use, or at start by <see cref="MigrateAsync"/>.</summary>
public interface IStorageDatabase
{
    /// <summary>The few ways this database's SQL differs from the other's; the stores' statements are otherwise the same text.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Applies the migrations the database lacks and returns how many (0 when up to date); throws when a newer ChatOps wrote it.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>An open connection on an up-to-date schema, configured as the provider needs; dispose it to return it to the pool.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
