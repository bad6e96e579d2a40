namespace ChatOps.Storage;

/// <summary>The databases <c>Storage:Provider</c> can name.</summary>
internal enum StorageProvider
{
    /// <summary>One SQLite file: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several replicas.</summary>
    Postgres,
}
