using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Language.Text;
using ChatOps.Language.TrainingData;

namespace ChatOps.Language.Tests.TrainingData;

public class TrainingDataTests
{
    private static readonly ServiceCatalog Catalog = CatalogLoader.Load(TestPaths.Catalog);

    [Fact]
    public void Training_data_covers_every_intent_with_enough_varied_lines()
    {
        var data = TrainingDataLoader.LoadFolder(TestPaths.Intents, Catalog);
        Assert.True(data.Select(u => u.Text).Distinct().Count() >= 1500, $"only {data.Count} distinct utterances");
        Assert.Equal(IntentNames.All.Order(), data.Select(u => u.Intent).Distinct().Order());
        var chinese = data.Count(u => u.Text.Any(TextNormalizer.IsCjk));
        Assert.True(chinese * 4 >= data.Count, $"only {chinese} of {data.Count} lines are Chinese or mixed");
    }

    [Fact]
    public void Test_split_is_kept_apart_from_training()
    {
        var train = TrainingDataLoader.LoadFolder(TestPaths.Intents, Catalog).Select(u => u.Text.Trim().ToLowerInvariant()).ToHashSet();
        var test = TrainingDataLoader.LoadFolder(TestPaths.TestSplit, Catalog);
        Assert.True(test.Count >= 500);
        Assert.Empty(test.Where(u => train.Contains(u.Text.Trim().ToLowerInvariant())).Select(u => u.Source));
    }

    [Fact]
    public void Marks_parse_into_spans_and_back()
    {
        const string line = "ship [chekout](service:checkout) [v2.3.1](ref) to [生产](environment) [five](replicas:5) [WIP]";
        var (text, spans) = AnnotationParser.Parse(line);
        Assert.Equal("ship chekout v2.3.1 to 生产 five [WIP]", text);
        Assert.Equal(["service", "ref", "environment", "replicas"], spans.Select(s => s.Entity));
        Assert.Equal("checkout", spans[0].Value);
        Assert.Equal(line, AnnotationParser.Format(text, spans));
        var errors = new List<string>();
        var entities = EntityBuilder.Build(spans, Catalog, errors);
        Assert.Empty(errors);
        Assert.Equal(("checkout", "prod", "v2.3.1", 5), (entities.Service, entities.Environment, entities.Ref, entities.Replicas));
    }

    [Fact]
    public void Bad_files_report_every_problem_with_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, "deploy.yaml"), """
            intent: deploy
            examples:
              - "deploy [chekout](service) now"
              - "scale to [five](replicas)"
              - "deploy it"
              - "deploy it"
              - "[x](flavour)"
            """);
        File.WriteAllText(Path.Combine(folder, "nope.yaml"), "intent: make.coffee\nexamples:\n  - brew\n");
        var ex = Assert.Throws<TrainingDataException>(() => TrainingDataLoader.LoadFolder(folder, Catalog));
        Assert.Contains(ex.Errors, e => e.Contains("deploy.yaml:3", StringComparison.Ordinal) && e.Contains("service:<canonical name>", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("deploy.yaml:4", StringComparison.Ordinal) && e.Contains("integer value", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("deploy.yaml:6", StringComparison.Ordinal) && e.Contains("duplicate", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("deploy.yaml:7", StringComparison.Ordinal) && e.Contains("unknown entity 'flavour'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("nope.yaml:1", StringComparison.Ordinal) && e.Contains("unknown intent 'make.coffee'", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_and_import_round_trip_through_jsonl_and_rasa()
    {
        var data = TrainingDataLoader.LoadFolder(TestPaths.Intents, Catalog);
        foreach (var format in new[] { "jsonl", "rasa" })
        {
            var writer = new StringWriter();
            if (format == "rasa") TrainingDataExporter.WriteRasa(data, writer);
            else TrainingDataExporter.WriteJsonl(data, writer);
            var errors = new List<string>();
            var reader = new StringReader(writer.ToString());
            var back = format == "rasa" ? TrainingDataImporter.ReadRasa(reader, errors) : TrainingDataImporter.ReadJsonl(reader, errors);
            Assert.Empty(errors);
            var folder = Directory.CreateTempSubdirectory().FullName;
            TrainingDataImporter.WriteIntentFiles(back, folder);
            var reloaded = TrainingDataLoader.LoadFolder(folder, Catalog);
            Assert.Equal(data.Count, reloaded.Count);
            var original = data.ToDictionary(u => (u.Intent, u.Text), u => Evaluation.NluEvaluation.EntityText(u.Entities));
            Assert.All(reloaded, u => Assert.Equal(original[(u.Intent, u.Text)], Evaluation.NluEvaluation.EntityText(u.Entities)));
        }
    }

    [Fact]
    public void A_bad_jsonl_line_is_reported_and_the_rest_imported()
    {
        var errors = new List<string>();
        var input = "{\"text\":\"deploy cart\",\"intent\":\"deploy\",\"entities\":[{\"start\":7,\"end\":11,\"entity\":\"service\"}]}\nnot json\n{\"text\":\"hi\",\"intent\":\"greet\"}\n";
        var data = TrainingDataImporter.ReadJsonl(new StringReader(input), errors);
        Assert.Equal(["deploy [cart](service)"], data["deploy"]);
        Assert.Equal(["hi"], data["greet"]);
        Assert.Single(errors, e => e.StartsWith("line 2", StringComparison.Ordinal));
    }
}
