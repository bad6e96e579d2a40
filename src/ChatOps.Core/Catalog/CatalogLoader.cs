using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Catalog;

/// <summary>Reads catalog.yaml, reporting every problem with its line rather than stopping at the first.</summary>
public static partial class CatalogLoader
{
    /// <summary>Loads and validates the catalog at <paramref name="path"/>.</summary>
    /// <exception cref="CatalogException">The file is missing or invalid; the message lists every problem.</exception>
    public static ServiceCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException(path, [$"the file does not exist; pass --catalog or set Catalog:Path to a catalog.yaml"]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses catalog YAML text; <paramref name="source"/> names it in error messages.</summary>
    public static ServiceCatalog Parse(string yaml, string source = "catalog")
    {
        var errors = new List<string>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new CatalogException(source, [$"line {ex.Start.Line}: {ex.Message}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CatalogException(source, ["line 1: the catalog must be a mapping with 'environments' and 'services'"]);
        }

        CheckKeys(root, RootKeys, errors);
        var environments = ReadList(root, "environments", errors, ReadEnvironment);
        var services = ReadList(root, "services", errors, ReadService);
        CheckUnique(environments.Select(e => (e.Entry.Name, e.Entry.Aliases, e.Line)), "environment", errors);
        CheckUnique(services.Select(s => (s.Entry.Name, s.Entry.Aliases, s.Line)), "service", errors);
        var environmentEntries = environments.Select(e => e.Entry).ToList();
        var bindings = ReadBindings(root, environmentEntries, errors);
        var workflows = ReadZadigWorkflows(root, errors);
        if (errors.Count > 0)
        {
            // why: a catalog-wide binding is checked once per service and environment; say each problem once
            throw new CatalogException(source, errors.Distinct().ToList());
        }

        return new ServiceCatalog(services.Select(s => s.Entry).ToList(), environmentEntries, bindings, workflows);
    }

    private static List<(T Entry, long Line)> ReadList<T>(
        YamlMappingNode root, string key, List<string> errors, Func<YamlMappingNode, List<string>, T?> read)
        where T : class
    {
        var result = new List<(T, long)>();
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            errors.Add($"line {root.Start.Line}: '{key}' is missing; add a list of {key}");
            return result;
        }

        if (node is not YamlSequenceNode seq)
        {
            errors.Add($"line {node.Start.Line}: '{key}' must be a list");
            return result;
        }

        foreach (var item in seq)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add($"line {item.Start.Line}: each entry of '{key}' must be a mapping with at least 'name'");
                continue;
            }

            if (read(map, errors) is { } entry)
            {
                result.Add((entry, map.Start.Line));
            }
        }

        return result;
    }
}
