using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Catalog;

public static partial class CatalogLoader
{
    private static readonly string[] JobInputKeys = ["job_name", "job_type", "parameters"];

    private static YamlMappingNode? Mapping(YamlNode node, string name, string[] keys, List<string> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add($"line {node.Start.Line}: '{name}' must be a mapping with {string.Join(", ", keys)} (or 'none')");
            return null;
        }

        CheckKeys(map, keys, errors);
        return map;
    }

    private static long ValueLine(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node.Start.Line : map.Start.Line;

    private static string? Text(YamlMappingNode map, string key, BindingScope scope, List<string> errors, bool required, bool allowRef)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (required)
            {
                errors.Add($"line {map.Start.Line}: '{key}' is missing");
            }

            return null;
        }

        if (node is not YamlScalarNode { Value: { Length: > 0 } value })
        {
            errors.Add($"line {node.Start.Line}: '{key}' must be a non-empty text");
            return null;
        }

        return scope.Fill(value.Trim(), node.Start.Line, allowRef, errors);
    }

    private static bool Flag(YamlMappingNode map, string key, List<string> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return false;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } s)
        {
            return s.Value == "true";
        }

        errors.Add($"line {node.Start.Line}: '{key}' must be true or false");
        return false;
    }

    private static Dictionary<string, string> StringMap(
        YamlMappingNode map, string key, BindingScope scope, List<string> errors, System.Text.RegularExpressions.Regex names, string what)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return result;
        }

        if (node is not YamlMappingNode values)
        {
            errors.Add($"line {node.Start.Line}: '{key}' must be a mapping of name: value");
            return result;
        }

        foreach (var (nameNode, valueNode) in values.Children)
        {
            var name = (nameNode as YamlScalarNode)?.Value ?? "";
            if (!names.IsMatch(name))
            {
                errors.Add($"line {nameNode.Start.Line}: '{name}' is not {what}");
            }
            else if (valueNode is not YamlScalarNode { Value: { } value })
            {
                errors.Add($"line {valueNode.Start.Line}: the value of '{name}' must be a text, e.g. \"{{environment}}\"");
            }
            else
            {
                result[name] = scope.Fill(value, valueNode.Start.Line, allowRef: true, errors);
            }
        }

        return result;
    }

    /// <summary>Reads zadig.md §4.1 <c>inputs</c>: a list of {job_name, job_type?, parameters?}; parameters become JSON.</summary>
    private static List<ZadigJobInput>? JobInputs(YamlMappingNode map, string key, BindingScope scope, List<string> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        if (node is not YamlSequenceNode items)
        {
            errors.Add($"line {node.Start.Line}: '{key}' must be a list of jobs, each with job_name and parameters");
            return [];
        }

        var inputs = new List<ZadigJobInput>();
        foreach (var item in items)
        {
            if (Mapping(item, "an input", JobInputKeys, errors) is not { } job)
            {
                continue;
            }

            var name = Text(job, "job_name", scope, errors, required: true, allowRef: false);
            var type = Text(job, "job_type", scope, errors, required: false, allowRef: false);
            JsonNode parameters = new JsonObject();
            if (job.Children.TryGetValue(new YamlScalarNode("parameters"), out var p))
            {
                if (p is YamlMappingNode)
                {
                    parameters = ToJson(p, scope, errors)!;
                }
                else
                {
                    errors.Add($"line {p.Start.Line}: 'parameters' must be a mapping (use {{}} for none)");
                }
            }

            if (name is not null)
            {
                inputs.Add(new ZadigJobInput(name, type, parameters.ToJsonString()));
            }
        }

        return inputs;
    }

    /// <summary>Plain scalars that look like integers or booleans become JSON numbers and booleans; quoted ones stay text.</summary>
    private static JsonNode? ToJson(YamlNode node, BindingScope scope, List<string> errors) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            KeyValuePair.Create((p.Key as YamlScalarNode)?.Value ?? "", ToJson(p.Value, scope, errors)))),
        YamlSequenceNode seq => new JsonArray(seq.Select(n => ToJson(n, scope, errors)).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) =>
            JsonValue.Create(n),
        YamlScalarNode s => JsonValue.Create(scope.Fill(s.Value ?? "", s.Start.Line, allowRef: true, errors)),
        _ => null,
    };
}
