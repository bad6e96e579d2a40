using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ChatOps.Sandbox.GitLab;

/// <summary>Merges query, form/multipart and JSON parameters the way Grape does, expanding `a[b][]` keys (contract §0 Body).</summary>
internal static class RackParams
{
    public static async Task<JsonObject?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = new JsonObject();
        foreach (var (key, values) in request.Query)
        {
            Assign(result, key, values);
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, values) in form)
            {
                Assign(result, key, values);
            }
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (body is not JsonObject json)
                {
                    return null;
                }

                foreach (var (key, value) in json.ToList())
                {
                    json.Remove(key);
                    result[key] = value;
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>A JSON array, or a Rack hash with integer keys ("0", "1", …) read as an array in key order.</summary>
    public static JsonArray? AsArray(JsonNode? node) => node switch
    {
        JsonArray array => array,
        JsonObject obj when obj.Count > 0 && obj.All(p => int.TryParse(p.Key, out _)) =>
            new JsonArray(obj.OrderBy(p => int.Parse(p.Key, CultureInfo.InvariantCulture))
                .Select(p => p.Value?.DeepClone()).ToArray()),
        _ => null,
    };

    public static string? String(JsonObject parameters, string name) =>
        parameters[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void Assign(JsonObject root, string key, StringValues values)
    {
        var parts = key.Replace("]", "", StringComparison.Ordinal).Split('[');
        JsonNode container = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            container = Child(container, parts[i], parts[i + 1].Length == 0);
        }

        var last = parts[^1];
        foreach (var value in values)
        {
            switch (container)
            {
                case JsonArray array when last.Length == 0:
                    array.Add(value);
                    break;
                case JsonObject obj:
                    obj[last] = value;
                    break;
            }
        }
    }

    private static JsonNode Child(JsonNode container, string name, bool wantArray)
    {
        if (container is JsonArray array)
        {
            // why: Rack's `a[][key]` starts a new hash when the last one already has that key; we keep it simple
            var fresh = wantArray ? (JsonNode)new JsonArray() : new JsonObject();
            array.Add(fresh);
            return fresh;
        }

        var obj = (JsonObject)container;
        if (obj[name] is JsonNode existing && (existing is JsonArray) == wantArray && existing is not JsonValue)
        {
            return existing;
        }

        var created = wantArray ? (JsonNode)new JsonArray() : new JsonObject();
        obj[name] = created;
        return created;
    }
}
