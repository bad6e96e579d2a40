using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using System.Data.Common;

namespace ChatOps.Storage;

/// <summary>How a <see cref="RunRecord"/> maps onto a <c>runs</c> row in either database: scalars as columns, conversation, message and history as JSON.</summary>
internal static class RunRows
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The run's values as <c>@name</c> parameters, which both providers bind.</summary>
    public static (string Name, object? Value)[] Parameters(RunRecord run) =>
    [
        ("@id", run.Id), ("@backend", run.Backend), ("@backendRunId", run.BackendRunId), ("@requestedBy", run.RequestedBy),
        ("@summary", run.Summary), ("@conversation", JsonSerializer.Serialize(run.Conversation, Json)),
        ("@message", run.Message is null ? null : JsonSerializer.Serialize(run.Message, Json)), ("@webUrl", run.WebUrl),
        ("@status", StatusText(run.Status)), ("@history", JsonSerializer.Serialize(run.History, Json)), ("@callbackToken", run.CallbackToken),
        ("@createdAt", run.CreatedAt.ToUnixTimeMilliseconds()), ("@updatedAt", run.UpdatedAt.ToUnixTimeMilliseconds()),
    ];

    /// <summary>The columns every run query selects, in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "id, backend, backend_run_id, requested_by, summary, conversation, message, web_url, status, history, callback_token, created_at, updated_at, version";

    /// <summary>The run of the current row, read in the order of <see cref="Columns"/>.</summary>
    public static RunRecord Read(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        Backend = row.GetString(1),
        BackendRunId = row.GetString(2),
        RequestedBy = row.GetString(3),
        Summary = row.GetString(4),
        Conversation = JsonSerializer.Deserialize<ConversationKey>(row.GetString(5), Json)
            ?? throw new FormatException($"Run '{row.GetString(0)}' has no conversation."),
        Message = row.IsDBNull(6) ? null : JsonSerializer.Deserialize<MessageRef>(row.GetString(6), Json),
        WebUrl = row.IsDBNull(7) ? null : row.GetString(7),
        Status = Enum.Parse<RunStatus>(row.GetString(8), ignoreCase: true),
        History = JsonSerializer.Deserialize<List<RunStatusChange>>(row.GetString(9), Json) ?? [],
        CallbackToken = row.IsDBNull(10) ? null : row.GetString(10),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(11)),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(12)),
        Version = row.GetInt64(13),
    };

    /// <summary>The stored status text, the lower-case enum name ("queued" … "canceled").</summary>
    public static string StatusText(RunStatus status) => status.ToString().ToLowerInvariant();
}
