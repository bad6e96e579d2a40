using ChatOps.Core.Catalog;
using ChatOps.Dialog.Policy;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Cli.Hosting;

/// <summary>Which policy is in force: the file at Policy:Path (validated, every error with its line), else the "Dialog:Policy" section, else the defaults.</summary>
public static class PolicyConfiguration
{
    /// <summary>The policy; a Policy:Path that was set but does not exist is an error, the default path may be missing.</summary>
    /// <exception cref="PolicyException">The policy file is missing or invalid.</exception>
    public static PolicyOptions Load(IConfiguration configuration, ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Policy:Path"];
        var path = BotConfiguration.Resolve(configured ?? "training-data/policy.yaml");
        if (configured is null && !File.Exists(path)) return configuration.GetSection("Dialog:Policy").Get<PolicyOptions>() ?? new PolicyOptions();
        return PolicyLoader.Load(path, catalog);
    }
}
