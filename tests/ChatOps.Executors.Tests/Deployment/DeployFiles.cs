using System.Text;
using System.Text.RegularExpressions;
using ChatOps.Executors.Tests.Support;
using k8s;
using YamlDotNet.Serialization;

namespace ChatOps.Executors.Tests.Deployment;

/// <summary>Reads deploy/: the plain manifests as typed Kubernetes objects (strict: an unknown field fails) or as plain YAML trees, and the chart's files as text.</summary>
public static class DeployFiles
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([RepoFiles.Root, "deploy", .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(Path(parts));

    /// <summary>Every object of one plain manifest file under deploy/kubernetes/.</summary>
    public static IReadOnlyList<object> Manifest(string file) =>
        KubernetesYaml.LoadAllFromString(Text("kubernetes", file), typeMap: null, strict: true);

    public static T Single<T>(string file) => Assert.Single(Manifest(file).OfType<T>());

    /// <summary>One YAML document as nested dictionaries, lists and strings.</summary>
    public static object? Tree(string yaml) => new DeserializerBuilder().Build().Deserialize<object>(yaml);

    /// <summary>Walks a tree by mapping keys and list indexes.</summary>
    public static object? At(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (IDictionary<object, object> map, string key) => map.TryGetValue(key, out var next) ? next : null,
                (IList<object> list, int index) => list[index],
                _ => throw new InvalidOperationException($"no {step} in {Canonical(node)}"),
            };
        }

        return node;
    }

    /// <summary>A tree as text with mapping keys sorted, so two trees are equal when their texts are.</summary>
    public static string Canonical(object? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    /// <summary>The body of a named template in the chart's _helpers.tpl (the chart keeps its RBAC rules there as plain YAML).</summary>
    public static string ChartDefine(string name)
    {
        var helpers = Text("helm", "chatops", "templates", "_helpers.tpl");
        var match = Regex.Match(helpers, "\\{\\{-? *define \"" + Regex.Escape(name) + "\" *-?\\}\\}(.*?)\\{\\{-? *end *-?\\}\\}", RegexOptions.Singleline);
        Assert.True(match.Success, $"define \"{name}\" not found in _helpers.tpl");
        return match.Groups[1].Value;
    }

    private static void Write(object? node, StringBuilder text)
    {
        switch (node)
        {
            case IDictionary<object, object> map:
                text.Append('{');
                foreach (var (key, value) in map.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal))
                {
                    text.Append(key).Append(':');
                    Write(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IList<object> list:
                text.Append('[');
                foreach (var item in list)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(node);
                break;
        }
    }
}
