using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.Executors.Chat;

namespace ChatOps.Executors;

/// <summary>The values of <c>{service}</c>, <c>{environment}</c> and <c>{ref}</c> for one command; fills catalog templates at run time.</summary>
public sealed partial record Placeholders(string? Service, string? Environment, string? Ref)
{
    /// <summary>Fills every placeholder in <paramref name="text"/>, or throws a sentence naming the one that has no value.</summary>
    public string Fill(string text, string owner)
    {
        return Placeholder().Replace(text, m => m.Groups[1].Value switch
        {
            "service" => Service ?? throw Missing("service", owner),
            "environment" => Environment ?? throw Missing("environment", owner),
            // why: no ref means "the default": Zadig builds its configured branch when the branch is empty
            "ref" => Ref ?? "",
            _ => m.Value,
        });
    }

    /// <summary>Parses catalog JSON text and fills placeholders inside every string value.</summary>
    public JsonObject FillJson(string json, string owner) =>
        (JsonObject)FillNode(JsonNode.Parse(json) ?? new JsonObject(), owner)!;

    private JsonNode? FillNode(JsonNode? node, string owner) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, FillNode(p.Value, owner)))),
        JsonArray array => new JsonArray(array.Select(n => FillNode(n, owner)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Fill(text, owner)),
        _ => node?.DeepClone(),
    };

    private static ExecutorException Missing(string name, string owner) =>
        new($"{owner} needs a {name} (its catalog entry uses {ChatText.Code("{" + name + "}")}); say which {name}.");

    [GeneratedRegex(@"\{(service|environment|ref)\}")]
    private static partial Regex Placeholder();
}
