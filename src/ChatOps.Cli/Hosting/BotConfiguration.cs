using Microsoft.Extensions.Configuration;

namespace ChatOps.Cli.Hosting;

/// <summary>Configuration for every command: appsettings.json, then CHATOPS__Section__Key environment variables (secrets belong there), then overrides.</summary>
public static class BotConfiguration
{
    public static IConfigurationRoot Build(IDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("CHATOPS__")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>A relative path from configuration, anchored at the repository root when there is one.</summary>
    public static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(RepoPaths.Root, path);
}
