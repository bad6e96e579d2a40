using ChatOps.Core.Audit;

namespace ChatOps.Storage;

/// <summary>The one SELECT behind every provider's audit query: the filter's conditions combined, newest first, at most the clamped limit.</summary>
internal static class AuditQuery
{
    /// <summary>
    /// The query for <paramref name="filter"/> with <c>@name</c> parameters (both providers bind them), where
    /// <paramref name="like"/> is the dialect's case-insensitive LIKE (SQLite's <c>LIKE</c>, PostgreSQL's <c>ILIKE</c>).
    /// </summary>
    public static (string Sql, (string Name, object? Value)[] Parameters) Build(AuditFilter filter, string like)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string condition, string name, object? value)
        {
            if (value is null) return;
            where.Add(condition);
            parameters.Add((name, value));
        }

        Add("actor = @actor", "actor", filter.Actor);
        Add("kind = @kind", "kind", filter.Kind);
        Add("intent = @intent", "intent", filter.Intent);
        Add("environment = @environment", "environment", filter.Environment);
        Add("request_id = @requestId", "requestId", filter.RequestId);
        // why: a command may name several services, stored comma-separated
        Add($"(',' || service || ',') {like} @service ESCAPE '\\'", "service", filter.Service is { } s ? "%," + Escape(s) + ",%" : null);
        Add("at >= @since", "since", filter.Since?.ToUnixTimeMilliseconds());
        Add("at < @until", "until", filter.Until?.ToUnixTimeMilliseconds());
        parameters.Add(("limit", Math.Clamp(filter.Limit, 1, 10_000)));
        var sql = $"SELECT {AuditRows.Columns} FROM audit {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY seq DESC LIMIT @limit";
        return (sql, [.. parameters]);
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
