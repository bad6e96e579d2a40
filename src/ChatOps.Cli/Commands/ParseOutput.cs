using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.Core.Parsing;

namespace ChatOps.Cli.Commands;

/// <summary>Writes a parse result in the contract's JSON shape (shared/nlu-schema.md, "Parse interface").</summary>
internal static class ParseOutput
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(ParseResult result, bool alternatives)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("text", result.Text);
            w.WriteString("intent", result.Intent);
            w.WriteNumber("confidence", Math.Round(result.Confidence, 4));
            w.WriteStartObject("entities");
            foreach (var (name, value) in result.Entities.ToContract())
            {
                switch (value)
                {
                    case string s: w.WriteString(name, s); break;
                    case string[] list:
                        w.WriteStartArray(name);
                        foreach (var item in list) w.WriteStringValue(item);
                        w.WriteEndArray();
                        break;
                    case int i: w.WriteNumber(name, i); break;
                    case long l: w.WriteNumber(name, l); break;
                }
            }

            w.WriteEndObject();
            if (alternatives)
            {
                w.WriteStartArray("alternatives");
                foreach (var s in result.Top(3))
                {
                    w.WriteStartObject();
                    w.WriteString("intent", s.Intent);
                    w.WriteNumber("score", Math.Round(s.Score, 4));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Error(int line, string message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("line", line);
            w.WriteString("error", message);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
