using System.CommandLine;

namespace ChatOps.Cli.Commands;

/// <summary>Options several commands share, with the repository's files as defaults.</summary>
internal static class CommonOptions
{
    public static Option<string> Catalog() => new("--catalog")
    {
        Description = "Catalog YAML (services and environments)",
        DefaultValueFactory = _ => RepoPaths.Catalog,
    };

    public static Option<string> Model() => new("--model")
    {
        Description = "Intent model zip (model-card.json must sit beside it)",
        DefaultValueFactory = _ => RepoPaths.Model,
    };
}
