namespace ChatOps.Language.Tests;

/// <summary>Locates the repository's files from the test's output folder.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();
    public static string Catalog => Path.Combine(Root, "training-data", "catalog.yaml");
    public static string Intents => Path.Combine(Root, "training-data", "intents");
    public static string TestSplit => Path.Combine(Root, "training-data", "test");
    public static string Model => Path.Combine(Root, "models", "intent-model.zip");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
    }
}
