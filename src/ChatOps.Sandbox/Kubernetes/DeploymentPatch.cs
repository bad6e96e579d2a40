using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Kubernetes;

/// <summary>The parts of a Deployment (or Scale) patch the sandbox applies: replicas, template annotations, images, annotations.</summary>
/// <remarks>Strategic-merge and JSON merge patches agree on these fields (maps merge, null deletes); JSON patch ops are mapped onto them.</remarks>
internal sealed class DeploymentPatch
{
    public const string Strategic = "application/strategic-merge-patch+json";
    public const string Merge = "application/merge-patch+json";
    public const string Json = "application/json-patch+json";

    public int? Replicas { get; private set; }

    public Dictionary<string, string?> TemplateAnnotations { get; } = [];

    public Dictionary<string, string?> Annotations { get; } = [];

    public Dictionary<string, string> ImagesByName { get; } = [];

    public Dictionary<int, string> ImagesByIndex { get; } = [];

    /// <summary>Parses a body of a supported media type; null media type means unsupported, a thrown JsonException means malformed.</summary>
    public static DeploymentPatch? Parse(string? contentType, string body)
    {
        var media = contentType?.Split(';')[0].Trim();
        var patch = new DeploymentPatch();
        switch (media)
        {
            case Strategic or Merge:
                patch.ReadMerge(JsonNode.Parse(body) as JsonObject ?? throw new JsonException("patch body must be a JSON object"));
                return patch;
            case Json:
                foreach (var op in JsonNode.Parse(body) as JsonArray ?? throw new JsonException("json patch must be an array"))
                {
                    patch.ReadOperation(op as JsonObject ?? throw new JsonException("json patch operation must be an object"));
                }

                return patch;
            default:
                return null;
        }
    }

    private void ReadMerge(JsonObject root)
    {
        Strings(root["metadata"]?["annotations"], Annotations);
        var spec = root["spec"];
        if (spec?["replicas"] is JsonValue replicas)
        {
            Replicas = replicas.GetValue<int>();
        }

        Strings(spec?["template"]?["metadata"]?["annotations"], TemplateAnnotations);
        foreach (var container in spec?["template"]?["spec"]?["containers"] as JsonArray ?? [])
        {
            if (container?["name"]?.GetValue<string>() is { } name && container["image"]?.GetValue<string>() is { } image)
            {
                ImagesByName[name] = image;
            }
        }
    }

    private void ReadOperation(JsonObject op)
    {
        var kind = op["op"]?.GetValue<string>();
        var path = (op["path"]?.GetValue<string>() ?? "").Split('/').Skip(1).Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        var value = kind == "remove" ? null : op["value"];
        switch (path)
        {
            case ["spec", "replicas"] when value is JsonValue v:
                Replicas = v.GetValue<int>();
                break;
            case ["spec", "template", "metadata", "annotations"]:
                Strings(value, TemplateAnnotations);
                break;
            case ["spec", "template", "metadata", "annotations", var key]:
                TemplateAnnotations[key] = value?.GetValue<string>();
                break;
            case ["metadata", "annotations", var key]:
                Annotations[key] = value?.GetValue<string>();
                break;
            case ["spec", "template", "spec", "containers", var index, "image"] when int.TryParse(index, out var i) && value is JsonValue image:
                ImagesByIndex[i] = image.GetValue<string>();
                break;
        }
    }

    private static void Strings(JsonNode? node, Dictionary<string, string?> into)
    {
        foreach (var (key, value) in node as JsonObject ?? [])
        {
            if (!key.StartsWith('$'))
            {
                into[key] = value?.GetValue<string>();
            }
        }
    }
}
