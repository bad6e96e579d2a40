namespace ChatOps.Benchmarks;

/// <summary>One measured figure next to the target.</summary>
public sealed record BenchResult(string Area, string Measure, string Value, string Target, bool? Met);
