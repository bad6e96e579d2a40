using BenchmarkDotNet.Running;
using ChatOps.Benchmarks;
using ChatOps.Benchmarks.Nlu;

// `make bench` runs the harnesses that print the issue targets' figures; `bdn` runs the BenchmarkDotNet micro-benchmarks.
var what = args.Length > 0 ? args[0] : "all";
if (what == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

var results = new List<BenchResult>();
if (what is "all" or "nlu") results.AddRange(NluHarness.Run());
if (what is "all" or "dialog") results.AddRange(ChatOps.Benchmarks.Dialog.DialogHarness.Run());
if (what is "all" or "tracking") results.AddRange(ChatOps.Benchmarks.Tracking.HookHarness.Run());
if (what is "all" or "slack") results.AddRange(ChatOps.Benchmarks.Slack.SlackBench.Run());
if (what is "all" or "storage") results.AddRange(ChatOps.Benchmarks.Storage.StorageBench.Run());
if (what is "all" or "executors")
{
    results.AddRange(ChatOps.Benchmarks.Executors.ExecutorBench.Run());
    results.AddRange(ChatOps.Benchmarks.Executors.SandboxLoadBench.Run());
}
BenchReport.Print(results);
BenchReport.WriteMarkdown(results, Path.Combine(RepoRoot.Path, "docs", "benchmarks.md"));
return 0;
