using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Language.TrainingData;

/// <summary>Reads a folder of intent files (intent: X, examples: [...]) into utterances, reporting every problem with file and line.</summary>
public static class TrainingDataLoader
{
    /// <summary>All utterances of the *.yaml files directly in <paramref name="folder"/>, in file then line order.</summary>
    public static List<Utterance> LoadFolder(string folder, ServiceCatalog catalog)
    {
        if (!Directory.Exists(folder)) throw new TrainingDataException([$"{folder}: folder not found"]);
        var errors = new List<string>();
        var all = new List<Utterance>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "catalog.yaml") continue;
            all.AddRange(LoadFile(file, catalog, errors));
        }

        if (errors.Count > 0) throw new TrainingDataException(errors);
        return all;
    }

    private static List<Utterance> LoadFile(string file, ServiceCatalog catalog, List<string> errors)
    {
        var result = new List<Utterance>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(file)));
        }
        catch (YamlException ex)
        {
            errors.Add($"{file}:{ex.Start.Line}: {ex.Message}");
            return result;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("intent"), out var intentNode)
            || !root.Children.TryGetValue(new YamlScalarNode("examples"), out var examplesNode)
            || examplesNode is not YamlSequenceNode examples)
        {
            errors.Add($"{file}:1: expected 'intent: <name>' and an 'examples:' list");
            return result;
        }

        var intent = ((YamlScalarNode)intentNode).Value ?? "";
        if (!IntentNames.All.Contains(intent)) errors.Add($"{file}:{intentNode.Start.Line}: unknown intent '{intent}'");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in examples)
        {
            var where = $"{file}:{node.Start.Line}";
            if (node is not YamlScalarNode { Value: { } line } || line.Trim().Length == 0)
            {
                errors.Add($"{where}: an example must be a non-empty line of text");
                continue;
            }

            try
            {
                var (text, spans) = AnnotationParser.Parse(line.Trim());
                var lineErrors = new List<string>();
                var entities = EntityBuilder.Build(spans, catalog, lineErrors);
                errors.AddRange(lineErrors.Select(e => $"{where}: {e}"));
                if (!seen.Add(text)) errors.Add($"{where}: duplicate example '{text}'");
                else result.Add(new Utterance(text, intent, spans, entities) { Source = where });
            }
            catch (FormatException ex)
            {
                errors.Add($"{where}: {ex.Message}");
            }
        }

        return result;
    }
}
