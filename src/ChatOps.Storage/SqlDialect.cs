namespace ChatOps.Storage;

/// <summary>What the shared stores must know about the database beneath them: everything else is the same SQL on SQLite and PostgreSQL.</summary>
/// <param name="InsertionOrder">The column that orders rows inserted in the same millisecond: SQLite's implicit <c>rowid</c>, PostgreSQL's identity <c>seq</c> (migration 004).</param>
/// <param name="QueuesRunWriters">
/// True when one store should queue its own run writes FIFO: SQLite has one writer, and its busy handler makes a waiting writer
/// sleep 1, 2, 5, 10 … ms, so racing hooks would wait far longer than their turn; PostgreSQL locks per row and needs no queue.
/// </param>
public sealed record SqlDialect(string InsertionOrder, bool QueuesRunWriters)
{
    /// <summary>SQLite: order by <c>rowid</c>, queue run writers.</summary>
    public static SqlDialect Sqlite { get; } = new("rowid", QueuesRunWriters: true);

    /// <summary>PostgreSQL: order by <c>seq</c>, let row locks order writers.</summary>
    public static SqlDialect Postgres { get; } = new("seq", QueuesRunWriters: false);
}
