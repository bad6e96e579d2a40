using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Core.Commands;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Dialog.Policy;

internal sealed partial class PolicyReader
{
    private static readonly string[] IntentWords = [PolicyScope.Any, PolicyScope.Reads, PolicyScope.ActionsWord];
    private static readonly string[] EnvironmentWords = [PolicyScope.Any, PolicyScope.Protected, PolicyScope.Unprotected];

    [GeneratedRegex(@"^(\d+)(s|m|h)$")]
    private static partial Regex ShortDuration();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailPattern();

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static long Line(YamlMappingNode map, string key) => Child(map, key)?.Start.Line ?? map.Start.Line;

    private YamlMappingNode? Map(YamlNode node, string what)
    {
        if (node is YamlMappingNode map) return map;
        Errors.Add($"line {node.Start.Line}: {what} must be a mapping");
        return null;
    }

    private YamlScalarNode? Scalar(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null or YamlScalarNode) return (YamlScalarNode?)node;
        Errors.Add($"line {node.Start.Line}: '{key}' must be a single value");
        return null;
    }

    private void CheckKeys(YamlMappingNode map, string[] allowed, string what)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name)) Errors.Add($"line {key.Start.Line}: '{name}' is not a key of {what}; expected one of {string.Join(", ", allowed)}");
        }
    }

    private List<string> Strings(YamlMappingNode map, string key, string what, bool required)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required) Errors.Add($"line {map.Start.Line}: {what} needs '{key}'");
            return [];
        }

        if (node is YamlScalarNode single && !string.IsNullOrEmpty(single.Value)) return [single.Value];
        if (node is not YamlSequenceNode seq)
        {
            Errors.Add($"line {node.Start.Line}: '{key}' of {what} must be a list, e.g. [a, b]");
            return [];
        }

        var values = new List<string>();
        foreach (var item in seq)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v }) values.Add(v);
            else Errors.Add($"line {item.Start.Line}: each entry of '{key}' must be a plain value");
        }

        if (required && values.Count == 0) Errors.Add($"line {node.Start.Line}: '{key}' of {what} is empty");
        return values;
    }

    private IEnumerable<YamlMappingNode> Entries(YamlMappingNode root, string key)
    {
        var node = Child(root, key);
        if (node is null) yield break;
        if (node is not YamlSequenceNode seq)
        {
            Errors.Add($"line {node.Start.Line}: '{key}' must be a list of rules");
            yield break;
        }

        foreach (var item in seq)
        {
            if (Map(item, $"each entry of '{key}'") is { } map) yield return map;
        }
    }

    private List<(IReadOnlyList<string> Intents, IReadOnlyList<string> Environments)> Scopes(YamlMappingNode parent, string key, string what) =>
        Entries(parent, key).Select(map =>
        {
            CheckKeys(map, ScopeKeys, $"a grant of {what}");
            return Scope(map, $"a grant of {what}");
        }).ToList();

    private (IReadOnlyList<string> Intents, IReadOnlyList<string> Environments) Scope(YamlMappingNode map, string what)
    {
        var intents = Intents(map, "intents", what);
        var environments = Child(map, "environments") is null ? [PolicyScope.Any] : Strings(map, "environments", what, required: true);
        foreach (var env in environments.Where(e => !EnvironmentWords.Contains(e) && catalog.FindEnvironment(e) is null))
        {
            Errors.Add($"line {Line(map, "environments")}: environment '{env}' is not in the catalog; use one of {string.Join(", ", catalog.Environments.Select(e => e.Name))}, protected, unprotected or *");
        }

        return (intents, environments);
    }

    private List<string> Intents(YamlMappingNode map, string key, string what)
    {
        var intents = Strings(map, key, what, required: true);
        foreach (var intent in intents.Where(i => !IntentWords.Contains(i) && !IntentNames.All.Contains(i)))
        {
            Errors.Add($"line {Line(map, key)}: '{intent}' is not an intent; use a name such as deploy or k8s.restart, or reads, actions or *");
        }

        return intents;
    }

    private void CheckMember(string member, long line)
    {
        if (member.StartsWith("group:", StringComparison.Ordinal))
        {
            if (member.Length == "group:".Length) Errors.Add($"line {line}: member '{member}' names no group");
        }
        else if (member.Contains('@', StringComparison.Ordinal) && !EmailPattern().IsMatch(member))
        {
            Errors.Add($"line {line}: member '{member}' looks like an e-mail but is not one");
        }
        else if (member.Any(char.IsWhiteSpace))
        {
            Errors.Add($"line {line}: member '{member}' must be a chat user id, an e-mail or group:NAME (no spaces)");
        }
    }

    private static bool TryDuration(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null) return false;
        var m = ShortDuration().Match(text);
        if (m.Success)
        {
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            value = m.Groups[2].Value switch { "s" => TimeSpan.FromSeconds(n), "m" => TimeSpan.FromMinutes(n), _ => TimeSpan.FromHours(n) };
            return value > TimeSpan.Zero;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
    }
}
