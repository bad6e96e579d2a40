using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Dialog.State;

/// <summary>Serializes the stored conversation; unknown or missing fields fall back to defaults so old rows still load.</summary>
public static class ConversationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(Conversation conversation) => JsonSerializer.Serialize(conversation, Options);

    public static Conversation Read(string json) => JsonSerializer.Deserialize<Conversation>(json, Options) ?? new Conversation();
}
