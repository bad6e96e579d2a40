using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Language.TrainingData;

/// <summary>Reads JSON lines or a Rasa nlu.yml back into annotated lines grouped by intent, ready to write as intent files.</summary>
public static partial class TrainingDataImporter
{
    [GeneratedRegex(@"\[(?<text>[^\[\]]+)\]\{(?<json>[^{}]*)\}")]
    private static partial Regex RasaJsonEntity();

    /// <summary>Intent → annotated lines from JSON lines; a bad line is reported in <paramref name="errors"/> and skipped.</summary>
    public static Dictionary<string, List<string>> ReadJsonl(TextReader input, List<string> errors)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var n = 0;
        while (input.ReadLine() is { } line)
        {
            n++;
            if (line.Trim().Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var text = doc.RootElement.GetProperty("text").GetString() ?? "";
                var intent = doc.RootElement.GetProperty("intent").GetString() ?? "";
                var spans = new List<AnnotatedSpan>();
                if (doc.RootElement.TryGetProperty("entities", out var entities))
                {
                    foreach (var e in entities.EnumerateArray())
                    {
                        int start = e.GetProperty("start").GetInt32(), end = e.GetProperty("end").GetInt32();
                        var value = e.TryGetProperty("value", out var v) ? v.ToString() : null;
                        spans.Add(new AnnotatedSpan(start, end - start, e.GetProperty("entity").GetString() ?? "", text[start..end], value));
                    }
                }

                Add(result, intent, AnnotationParser.Format(text, spans));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentOutOfRangeException)
            {
                errors.Add($"line {n}: {ex.Message}");
            }
        }

        return result;
    }

    /// <summary>Intent → annotated lines from a Rasa nlu.yml (both "(entity:value)" and "{json}" entity forms).</summary>
    public static Dictionary<string, List<string>> ReadRasa(TextReader input, List<string> errors)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var stream = new YamlStream();
        stream.Load(input);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("nlu"), out var nlu) || nlu is not YamlSequenceNode blocks)
        {
            errors.Add("no 'nlu:' list found");
            return result;
        }

        foreach (var block in blocks.OfType<YamlMappingNode>())
        {
            if (!block.Children.TryGetValue(new YamlScalarNode("intent"), out var intent) || !block.Children.TryGetValue(new YamlScalarNode("examples"), out var examples)) continue;
            foreach (var raw in ((YamlScalarNode)examples).Value?.Split('\n') ?? [])
            {
                var line = raw.Trim();
                if (!line.StartsWith("- ", StringComparison.Ordinal)) continue;
                Add(result, ((YamlScalarNode)intent).Value ?? "", RasaJsonEntity().Replace(line[2..].Trim(), ToInlineMark));
            }
        }

        return result;
    }

    private static string ToInlineMark(Match m)
    {
        using var doc = JsonDocument.Parse("{" + m.Groups["json"].Value + "}");
        var entity = doc.RootElement.GetProperty("entity").GetString();
        var value = doc.RootElement.TryGetProperty("value", out var v) ? ":" + v : "";
        return $"[{m.Groups["text"].Value}]({entity}{value})";
    }

    private static void Add(Dictionary<string, List<string>> map, string intent, string line)
    {
        if (!map.TryGetValue(intent, out var list)) map[intent] = list = [];
        list.Add(line);
    }

    /// <summary>Writes one intent file per intent into <paramref name="folder"/> in the project's format.</summary>
    public static void WriteIntentFiles(Dictionary<string, List<string>> data, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (intent, lines) in data)
        {
            var body = string.Join("\n", lines.Distinct().Select(l => "  - " + JsonSerializer.Serialize(l, TrainingDataExporter.Json)));
            File.WriteAllText(Path.Combine(folder, intent + ".yaml"), $"intent: {intent}\nexamples:\n{body}\n");
        }
    }
}
