using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Catalog;

public static partial class CatalogLoader
{
    private static readonly string[] WorkflowEntryKeys = ["name", "aliases", .. ZadigKeys];

    /// <summary>Reads the optional top-level <c>zadig_workflows:</c> list (workflows runnable by name); placeholders stay for run time.</summary>
    private static List<ZadigWorkflowEntry> ReadZadigWorkflows(YamlMappingNode root, List<string> errors)
    {
        var result = new List<ZadigWorkflowEntry>();
        var lines = new List<long>();
        if (!root.Children.TryGetValue(new YamlScalarNode("zadig_workflows"), out var node))
        {
            return result;
        }

        if (node is not YamlSequenceNode items)
        {
            errors.Add($"line {node.Start.Line}: 'zadig_workflows' must be a list of {{name, project, workflow, inputs}}");
            return result;
        }

        var runtime = new BindingScope(null, null);
        foreach (var item in items)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add($"line {item.Start.Line}: each entry of 'zadig_workflows' must be a mapping with at least 'name'");
                continue;
            }

            var name = ReadName(map, errors);
            var aliases = ReadAliases(map, errors);
            if (ReadZadig(map, runtime, errors, WorkflowEntryKeys) is { } binding && name is not null)
            {
                result.Add(new ZadigWorkflowEntry(name, aliases, binding));
                lines.Add(map.Start.Line);
            }
        }

        CheckUnique(result.Select((w, i) => (w.Name, w.Aliases, lines[i])), "zadig workflow", errors);
        return result;
    }
}
