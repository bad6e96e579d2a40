namespace ChatOps.Cli;

/// <summary>Finds the project's default files (catalog, model, training data) from the working folder or the program's folder.</summary>
public static class RepoPaths
{
    /// <summary>The nearest folder upward from the working folder, then from the program, that holds training-data/catalog.yaml; else the working folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string Catalog => Path.Combine(Root, "training-data", "catalog.yaml");
    public static string Model => Path.Combine(Root, "models", "intent-model.zip");
    public static string TestSplit => Path.Combine(Root, "training-data", "test");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "training-data", "catalog.yaml"))) return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
