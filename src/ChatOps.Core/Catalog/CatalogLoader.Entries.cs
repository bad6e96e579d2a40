using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Catalog;

public static partial class CatalogLoader
{
    private static readonly string[] EnvironmentKeys = ["name", "aliases", "protected"];
    private static readonly string[] ServiceKeys = ["name", "aliases", "bindings"];
    private static readonly string[] RootKeys = ["environments", "services", "bindings", "zadig_workflows"];

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex NamePattern();

    private static EnvironmentEntry? ReadEnvironment(YamlMappingNode map, List<string> errors)
    {
        CheckKeys(map, EnvironmentKeys, errors);
        var name = ReadName(map, errors);
        var aliases = ReadAliases(map, errors);
        var isProtected = false;
        if (map.Children.TryGetValue(new YamlScalarNode("protected"), out var p))
        {
            if (p is YamlScalarNode { Value: "true" or "false" } s) isProtected = s.Value == "true";
            else errors.Add($"line {p.Start.Line}: 'protected' must be true or false");
        }

        return name is null ? null : new EnvironmentEntry(name, aliases, isProtected);
    }

    private static ServiceEntry? ReadService(YamlMappingNode map, List<string> errors)
    {
        CheckKeys(map, ServiceKeys, errors);
        var name = ReadName(map, errors);
        var aliases = ReadAliases(map, errors);
        return name is null ? null : new ServiceEntry(name, aliases);
    }

    private static void CheckKeys(YamlMappingNode map, string[] allowed, List<string> errors)
    {
        foreach (var key in map.Children.Keys)
        {
            var text = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(text))
            {
                errors.Add($"line {key.Start.Line}: unknown key '{text}'; expected one of {string.Join(", ", allowed)}");
            }
        }
    }

    private static string? ReadName(YamlMappingNode map, List<string> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("name"), out var node) || node is not YamlScalarNode { Value: { Length: > 0 } value })
        {
            errors.Add($"line {map.Start.Line}: entry has no 'name'");
            return null;
        }

        if (!NamePattern().IsMatch(value))
        {
            errors.Add($"line {node.Start.Line}: name '{value}' must be lower-case letters, digits and '-' (DNS-1123 label)");
            return null;
        }

        return value;
    }

    private static List<string> ReadAliases(YamlMappingNode map, List<string> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("aliases"), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            errors.Add($"line {node.Start.Line}: 'aliases' must be a list, e.g. [production, live]");
            return [];
        }

        var aliases = new List<string>();
        foreach (var item in seq)
        {
            if (item is YamlScalarNode { Value: { } v } && v.Trim().Length > 0) aliases.Add(v.Trim());
            else errors.Add($"line {item.Start.Line}: an alias must be a non-empty text");
        }

        return aliases;
    }

    private static void CheckUnique(IEnumerable<(string Name, IReadOnlyList<string> Aliases, long Line)> entries, string kind, List<string> errors)
    {
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, aliases, line) in entries)
        {
            foreach (var word in aliases.Prepend(name))
            {
                if (owner.TryGetValue(word, out var other) && other != name)
                {
                    errors.Add($"line {line}: '{word}' names both {kind} '{other}' and {kind} '{name}'; keep it on one");
                }
                else if (owner.ContainsKey(word))
                {
                    errors.Add($"line {line}: '{word}' is listed twice for {kind} '{name}'");
                }
                else
                {
                    owner[word] = name;
                }
            }
        }
    }
}
