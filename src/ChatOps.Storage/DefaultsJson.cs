using System.Text.Json;

namespace ChatOps.Storage;

/// <summary>How a <see cref="Core.Storage.UserDefaults"/> document is written in the <c>defaults</c> table of either database.</summary>
internal static class DefaultsJson
{
    // why: computed getters (ChatCommand.Service, ParsedEntities.Service) are derived from stored fields;
    // writing them would only duplicate data that the reader has to ignore.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { IgnoreReadOnlyProperties = true };
}
