using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace ChatOps.Adapters.Slack.Api;

/// <summary>Slack's JSON conventions (§0): snake_case names, nulls left out.</summary>
internal static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static RefitSettings Refit() => new(new SystemTextJsonContentSerializer(Options));
}
