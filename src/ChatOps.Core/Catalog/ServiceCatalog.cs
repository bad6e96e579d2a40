namespace ChatOps.Core.Catalog;

/// <summary>The services and environments the bot knows, loaded from catalog.yaml, with how each service is deployed and observed.</summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, ServiceEntry> _services;
    private readonly Dictionary<string, EnvironmentEntry> _environments;
    private readonly Dictionary<(string, string), ServiceBinding> _bindings;

    public ServiceCatalog(IReadOnlyList<ServiceEntry> services, IReadOnlyList<EnvironmentEntry> environments)
        : this(services, environments, [], [])
    {
    }

    /// <summary>Creates a catalog with bindings (one per bound service and environment) and the Zadig workflows runnable by name.</summary>
    public ServiceCatalog(
        IReadOnlyList<ServiceEntry> services, IReadOnlyList<EnvironmentEntry> environments,
        IReadOnlyList<ServiceBinding> bindings, IReadOnlyList<ZadigWorkflowEntry> zadigWorkflows)
    {
        Services = services;
        Environments = environments;
        Bindings = bindings;
        ZadigWorkflows = zadigWorkflows;
        _services = services.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        _environments = environments.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        _bindings = bindings.ToDictionary(b => (b.Service.ToLowerInvariant(), b.Environment.ToLowerInvariant()));
    }

    /// <summary>Services in file order.</summary>
    public IReadOnlyList<ServiceEntry> Services { get; }

    /// <summary>Environments in file order.</summary>
    public IReadOnlyList<EnvironmentEntry> Environments { get; }

    /// <summary>Every resolved binding, service by service in file order, then by environment.</summary>
    public IReadOnlyList<ServiceBinding> Bindings { get; }

    /// <summary>Zadig workflows runnable by name, in file order.</summary>
    public IReadOnlyList<ZadigWorkflowEntry> ZadigWorkflows { get; }

    /// <summary>The service with this canonical name, or null.</summary>
    public ServiceEntry? FindService(string name) => _services.GetValueOrDefault(name);

    /// <summary>The environment with this canonical name, or null.</summary>
    public EnvironmentEntry? FindEnvironment(string name) => _environments.GetValueOrDefault(name);

    /// <summary>How <paramref name="service"/> is deployed and observed in <paramref name="environment"/> (canonical names), or null.</summary>
    public ServiceBinding? FindBinding(string service, string environment) =>
        _bindings.GetValueOrDefault((service.ToLowerInvariant(), environment.ToLowerInvariant()));

    /// <summary>The Zadig workflow entry with this name, alias or workflow key (case-insensitive), or null.</summary>
    public ZadigWorkflowEntry? FindZadigWorkflow(string nameOrAlias) => ZadigWorkflows.FirstOrDefault(w =>
        string.Equals(w.Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || string.Equals(w.Binding.Workflow, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || w.Aliases.Any(a => string.Equals(a, nameOrAlias, StringComparison.OrdinalIgnoreCase)));

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
