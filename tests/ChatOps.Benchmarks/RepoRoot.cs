namespace ChatOps.Benchmarks;

/// <summary>The repository root, found upward from the working folder or the program.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(d.FullName, "ChatOps.sln"))) return d.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }
}
