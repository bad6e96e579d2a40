using BenchmarkDotNet.Attributes;
using ChatOps.Core.Catalog;
using ChatOps.Language;
using ChatOps.Language.Model;

namespace ChatOps.Benchmarks.Nlu;

/// <summary>BenchmarkDotNet micro-benchmarks of one parse (`dotnet run -c Release --project tests/ChatOps.Benchmarks -- bdn`).</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private MessageParser _parser = null!;

    [Params("deploy checkout to uat please", "看一下订单在生产的日志", "scale orders to five replicas in prod")]
    public string Text { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot.Path;
        _parser = new MessageParser(CatalogLoader.Load(Path.Combine(root, "training-data", "catalog.yaml")), IntentClassifier.Load(Path.Combine(root, "models", "intent-model.zip")));
    }

    [Benchmark]
    public string Parse() => _parser.Parse(Text).Intent;

    [Benchmark]
    public string Delexicalize() => _parser.Delexicalize(Text);
}
