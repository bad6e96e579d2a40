using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Kubernetes;

/// <summary>Renders objects in the Kubernetes wire format: camelCase, RFC 3339 seconds, empty and zero fields left out.</summary>
internal static partial class KubeJson
{
    public static JsonObject List(string apiVersion, string kind, long resourceVersion, IEnumerable<JsonObject> items) => new()
    {
        ["kind"] = kind,
        ["apiVersion"] = apiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = Text(resourceVersion) },
        ["items"] = new JsonArray(items.Select(i => (JsonNode?)i).ToArray()),
    };

    /// <summary>Adds apiVersion and kind in front, as a single GET returns them (list items carry neither).</summary>
    public static JsonObject Typed(string apiVersion, string kind, JsonObject body)
    {
        var typed = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            typed[key] = value;
        }

        return typed;
    }

    public static JsonObject Namespace(KubeNamespace ns) => new()
    {
        ["metadata"] = Meta(ns),
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    public static JsonObject Meta(KubeObject o, JsonObject? extra = null)
    {
        var meta = new JsonObject { ["name"] = o.Name };
        if (o.Namespace is not null)
        {
            meta["namespace"] = o.Namespace;
        }

        meta["uid"] = o.Uid;
        meta["resourceVersion"] = Text(o.ResourceVersion);
        foreach (var (key, value) in extra ?? [])
        {
            meta[key] = value?.DeepClone();
        }

        meta["creationTimestamp"] = Time(o.CreatedAt);
        if (o.Labels.Count > 0)
        {
            meta["labels"] = Map(o.Labels);
        }

        return meta;
    }

    public static JsonObject Map(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            map[key] = value;
        }

        return map;
    }

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Positive(JsonObject target, string name, int value)
    {
        if (value > 0)
        {
            target[name] = value;
        }
    }

    private static JsonObject OwnerReference(string apiVersion, string kind, KubeObject owner) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = owner.Name,
        ["uid"] = owner.Uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };
}
