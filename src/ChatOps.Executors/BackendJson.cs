using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace ChatOps.Executors;

/// <summary>The wire format both REST backends share: snake_case names, nulls left out, numbers accepted as text.</summary>
internal static class BackendJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static RefitSettings Refit() => new(new SystemTextJsonContentSerializer(Options));
}
