using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatOps.Language.TrainingData;

/// <summary>Writes utterances as JSON lines or as a Rasa 3 nlu.yml, so other NLU tools can use the same data.</summary>
public static class TrainingDataExporter
{
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line per utterance: {"text","intent","entities":[{"start","end","entity","value"?}]}.</summary>
    public static void WriteJsonl(IEnumerable<Utterance> data, TextWriter output, IReadOnlyList<int>? folds = null)
    {
        var i = 0;
        foreach (var u in data)
        {
            var fold = folds?[i++];
            var entities = u.Spans.Select(s => s.Value is null
                ? (object)new { start = s.Start, end = s.Start + s.Length, entity = s.Entity }
                : new { start = s.Start, end = s.Start + s.Length, entity = s.Entity, value = s.Value });
            output.WriteLine(fold is { } f
                ? JsonSerializer.Serialize(new { text = u.Text, intent = u.Intent, entities, fold = f }, Json)
                : JsonSerializer.Serialize(new { text = u.Text, intent = u.Intent, entities }, Json));
        }
    }

    /// <summary>A Rasa 3 nlu.yml: one block per intent, values in Rasa's JSON entity form.</summary>
    public static void WriteRasa(IEnumerable<Utterance> data, TextWriter output)
    {
        output.WriteLine("version: \"3.1\"");
        output.WriteLine("nlu:");
        foreach (var group in data.GroupBy(u => u.Intent))
        {
            output.WriteLine($"- intent: {group.Key}");
            output.WriteLine("  examples: |");
            foreach (var u in group) output.WriteLine("    - " + RasaLine(u).Replace("\n", " ", StringComparison.Ordinal));
        }
    }

    private static string RasaLine(Utterance u)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var s in u.Spans.OrderBy(s => s.Start))
        {
            sb.Append(u.Text, at, s.Start - at).Append('[').Append(u.Text, s.Start, s.Length).Append(']');
            if (s.Value is null) sb.Append('(').Append(s.Entity).Append(')');
            else sb.Append(JsonSerializer.Serialize(new { entity = s.Entity, value = s.Value }, Json));
            at = s.Start + s.Length;
        }

        return sb.Append(u.Text, at, u.Text.Length - at).ToString();
    }
}
