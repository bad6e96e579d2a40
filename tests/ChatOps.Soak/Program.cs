using ChatOps.Soak;

// `make soak`: 10,000 chat turns against `chatops serve` in its own process, which is SIGKILLed and restarted on the way.
SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine("soak: " + ex.Message);
    return 2;
}

var result = await SoakRun.RunAsync(options, Console.Out);
SoakReport.Print(result, Console.Out);
if (options.WriteDocs)
{
    var path = Path.Combine(RepoRoot.Path, "docs", options.DocsFile);
    SoakReport.WriteMarkdown(result, path);
    Console.Out.WriteLine($"soak: wrote {path}");
}

return result.Violations == 0 ? 0 : 1;
