namespace ChatOps.Storage;

/// <summary>The database the stores share, SQLite or PostgreSQL: migrated on first use, or at start by <see cref="MigrateAsync"/>.</summary>
public interface IStorageDatabase
{
    /// <summary>Applies the migrations the database lacks and returns how many (0 when up to date); throws when a newer ChatOps wrote it.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken);
}
