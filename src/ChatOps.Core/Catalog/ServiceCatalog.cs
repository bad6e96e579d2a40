namespace ChatOps.Core.Catalog;

/// <summary>The services and environments the bot knows, loaded from catalog.yaml.</summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, ServiceEntry> _services;
    private readonly Dictionary<string, EnvironmentEntry> _environments;

    public ServiceCatalog(IReadOnlyList<ServiceEntry> services, IReadOnlyList<EnvironmentEntry> environments)
    {
        Services = services;
        Environments = environments;
        _services = services.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        _environments = environments.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Services in file order.</summary>
    public IReadOnlyList<ServiceEntry> Services { get; }

    /// <summary>Environments in file order.</summary>
    public IReadOnlyList<EnvironmentEntry> Environments { get; }

    /// <summary>The service with this canonical name, or null.</summary>
    public ServiceEntry? FindService(string name) => _services.GetValueOrDefault(name);

    /// <summary>The environment with this canonical name, or null.</summary>
    public EnvironmentEntry? FindEnvironment(string name) => _environments.GetValueOrDefault(name);

    /// <summary>The canonical service or environment name for a name or alias (case-insensitive), or null.</summary>
    public string? Resolve(string entity, string nameOrAlias)
    {
        var isService = entity == Parsing.EntityNames.Service;
        IEnumerable<(string Name, IReadOnlyList<string> Aliases)> entries = isService
            ? Services.Select(s => (s.Name, s.Aliases))
            : Environments.Select(e => (e.Name, e.Aliases));
        foreach (var (name, aliases) in entries)
        {
            if (string.Equals(name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
                || aliases.Any(a => string.Equals(a, nameOrAlias, StringComparison.OrdinalIgnoreCase)))
            {
                return name;
            }
        }

        return null;
    }
}
