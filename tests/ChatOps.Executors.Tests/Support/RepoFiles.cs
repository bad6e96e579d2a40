namespace ChatOps.Executors.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepoFiles
{
    public static string Catalog => Path.Combine(Root, "training-data", "catalog.yaml");

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "training-data", "catalog.yaml")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("training-data/catalog.yaml not found above " + AppContext.BaseDirectory);
        }
    }
}
