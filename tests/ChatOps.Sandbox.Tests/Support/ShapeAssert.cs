using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Tests.Support;

/// <summary>Checks a JSON body against a shape list from Fixtures/*-shapes.json (path → JSON type; see the file's _about).</summary>
public static class ShapeAssert
{
    public static void Matches(string file, string shape, JsonNode? actual)
    {
        var problems = Problems(file, shape, actual);
        Assert.True(problems.Count == 0, $"{file}#{shape}:\n  " + string.Join("\n  ", problems) + "\nbody: " + actual?.ToJsonString());
    }

    public static List<string> Problems(string file, string shape, JsonNode? actual)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)))!.AsObject();
        var strict = document["_strict"]?.GetValue<bool>() ?? true;
        var spec = document[shape]?.AsObject() ?? throw new ArgumentException($"{file} has no shape '{shape}'");
        var rules = spec.Where(p => !p.Key.StartsWith('_')).ToDictionary(p => p.Key, p => Rule.Parse(p.Value!.GetValue<string>()));
        var problems = new List<string>();
        foreach (var (path, rule) in rules)
        {
            foreach (var (present, value) in Resolve(actual, path.Split('.'), 0))
            {
                if (!present && !rule.Optional)
                {
                    problems.Add($"{path}: missing");
                }
                else if (present && !rule.Types.Contains(Kind(value)))
                {
                    problems.Add($"{path}: expected {string.Join('|', rule.Types)}, got {Kind(value)}");
                }
            }
        }

        if (strict)
        {
            Unlisted(actual, "", rules, problems);
        }

        return problems;
    }

    private static IEnumerable<(bool Present, JsonNode? Value)> Resolve(JsonNode? node, string[] tokens, int index)
    {
        if (index == tokens.Length)
        {
            yield return (true, node);
            yield break;
        }

        if (node is not JsonObject obj)
        {
            yield break;
        }

        var token = tokens[index];
        var isArray = token.EndsWith("[]", StringComparison.Ordinal);
        var name = isArray ? token[..^2] : token;
        if (!obj.TryGetPropertyValue(name, out var child))
        {
            yield return (false, null);
            yield break;
        }

        var children = isArray ? (child as JsonArray)?.ToList() ?? [] : [child];
        foreach (var item in children)
        {
            foreach (var result in Resolve(item, tokens, index + 1))
            {
                yield return result;
            }
        }
    }

    private static void Unlisted(JsonNode? node, string path, Dictionary<string, Rule> rules, List<string> problems)
    {
        if (rules.TryGetValue(path, out var rule) && rule.Opaque)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (!rules.ContainsKey(child))
                    {
                        problems.Add($"{child}: sent but not in the contract");
                        continue;
                    }

                    Unlisted(value, child, rules, problems);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Unlisted(item, path + "[]", rules, problems);
                }

                break;
        }
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "unknown",
    };

    private sealed record Rule(HashSet<string> Types, bool Optional, bool Opaque)
    {
        public static Rule Parse(string text)
        {
            var opaque = text.Contains('*', StringComparison.Ordinal);
            var optional = text.Contains('?', StringComparison.Ordinal);
            var types = text.Replace("*", "", StringComparison.Ordinal).Replace("?", "", StringComparison.Ordinal).Split('|').ToHashSet();
            return new Rule(types, optional, opaque);
        }
    }
}
