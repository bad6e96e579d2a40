using System.CommandLine;
using System.Text.Json;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops parse [--catalog F] [--model F] "text"` and `--jsonl` over standard input.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var text = new Argument<string[]>("text") { Description = "The message to parse", Arity = ArgumentArity.ZeroOrMore };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read {\"text\": \"...\"} lines from standard input, write one JSON line each" };
        var alternatives = new Option<bool>("--alternatives") { Description = "Also print the top three intents with scores" };
        var catalog = CommonOptions.Catalog();
        var model = CommonOptions.Model();
        var command = new Command("parse", "Print what the bot understands of a message, as JSON") { text, jsonl, alternatives, catalog, model };
        command.SetAction(result =>
        {
            var parser = ParserFactory.TryCreate(result.GetValue(catalog)!, result.GetValue(model)!, Console.Error);
            if (parser is null) return 2;
            var withAlternatives = result.GetValue(alternatives);
            if (!result.GetValue(jsonl))
            {
                var words = result.GetValue(text) ?? [];
                if (words.Length == 0)
                {
                    Console.Error.WriteLine("chatops parse: give a message, e.g. chatops parse \"deploy checkout to uat\", or use --jsonl");
                    return 2;
                }

                Console.Out.WriteLine(ParseOutput.ToJson(parser.Parse(string.Join(' ', words)), withAlternatives));
                return 0;
            }

            var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            var n = 0;
            while (Console.In.ReadLine() is { } line)
            {
                n++;
                stdout.WriteLine(ParseLine(parser, line, n, withAlternatives));
            }

            stdout.Flush();
            return 0;
        });
        return command;
    }

    private static string ParseLine(ChatOps.Core.Parsing.IMessageParser parser, string line, int n, bool alternatives)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
            {
                return ParseOutput.Error(n, "expected an object with a string field \"text\"");
            }

            return ParseOutput.ToJson(parser.Parse(t.GetString()!), alternatives);
        }
        catch (JsonException ex)
        {
            return ParseOutput.Error(n, "not valid JSON: " + ex.Message);
        }
    }
}
