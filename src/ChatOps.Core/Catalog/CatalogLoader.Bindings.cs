using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Catalog;

public static partial class CatalogLoader
{
    private const string DefaultLayer = "default";
    private static readonly string[] BindingKeys = ["gitlab", "zadig", "kubernetes", "deploy", "rollback"];

    /// <summary>Resolves every (service, environment) binding from four layers: catalog default, catalog environment,
    /// service default, service environment; a section set in a later layer replaces the earlier one whole.</summary>
    private static List<ServiceBinding> ReadBindings(YamlMappingNode root, List<EnvironmentEntry> environments, List<string> errors)
    {
        var result = new List<ServiceBinding>();
        var catalogLayers = ReadLayers(root, environments, errors);
        if (!root.Children.TryGetValue(new YamlScalarNode("services"), out var node) || node is not YamlSequenceNode services)
        {
            return result;
        }

        foreach (var service in services.OfType<YamlMappingNode>())
        {
            if (!service.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode)
                || nameNode is not YamlScalarNode { Value: { } name } || !NamePattern().IsMatch(name))
            {
                continue;
            }

            var serviceLayers = ReadLayers(service, environments, errors);
            foreach (var environment in environments)
            {
                var stack = new[] { catalogLayers, serviceLayers }
                    .SelectMany(layers => new[] { layers.GetValueOrDefault(DefaultLayer), layers.GetValueOrDefault(environment.Name) })
                    .OfType<YamlMappingNode>()
                    .ToList();
                if (stack.Count > 0 && Resolve(new BindingScope(name, environment.Name), stack, errors) is { } binding)
                {
                    result.Add(binding);
                }
            }
        }

        return result;
    }

    /// <summary>Reads a <c>bindings:</c> map keyed by <c>default</c> or a canonical environment name.</summary>
    private static Dictionary<string, YamlMappingNode> ReadLayers(YamlMappingNode owner, List<EnvironmentEntry> environments, List<string> errors)
    {
        var layers = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        if (!owner.Children.TryGetValue(new YamlScalarNode("bindings"), out var node))
        {
            return layers;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add($"line {node.Start.Line}: 'bindings' must be a mapping keyed by 'default' or an environment name");
            return layers;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "?";
            if (key != DefaultLayer && environments.All(e => e.Name != key))
            {
                var canonical = environments.FirstOrDefault(e => e.Aliases.Contains(key, StringComparer.OrdinalIgnoreCase)
                    || string.Equals(e.Name, key, StringComparison.OrdinalIgnoreCase))?.Name;
                errors.Add(canonical is null
                    ? $"line {keyNode.Start.Line}: binding '{key}' is not an environment; use 'default' or one of {string.Join(", ", environments.Select(e => e.Name))}"
                    : $"line {keyNode.Start.Line}: binding '{key}' must use the canonical environment name '{canonical}'");
                continue;
            }

            if (value is not YamlMappingNode entry)
            {
                errors.Add($"line {value.Start.Line}: binding '{key}' must be a mapping with gitlab, zadig, kubernetes, deploy or rollback");
                continue;
            }

            CheckKeys(entry, BindingKeys, errors);
            layers[key] = entry;
        }

        return layers;
    }

    private static ServiceBinding? Resolve(BindingScope scope, List<YamlMappingNode> stack, List<string> errors)
    {
        YamlNode? Pick(string key) => stack
            .Select(layer => layer.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null)
            .LastOrDefault(n => n is not null);

        var gitlab = Section(Pick("gitlab"), n => ReadGitLab(n, scope, errors));
        var zadig = Section(Pick("zadig"), n => ReadZadig(n, scope, errors));
        var kubernetes = Section(Pick("kubernetes"), n => ReadKubernetes(n, scope, errors));
        if (gitlab is null && zadig is null && kubernetes is null)
        {
            return null;
        }

        var deploy = ReadDeploy(Pick("deploy"), gitlab, zadig, scope, errors);
        var rollback = ReadRollback(Pick("rollback"), deploy, gitlab, zadig, scope, errors);
        return new ServiceBinding(scope.Service!, scope.Environment!)
        {
            GitLab = gitlab, Zadig = zadig, Kubernetes = kubernetes, Deploy = deploy, Rollback = rollback,
        };
    }

    /// <summary>A section written as <c>none</c> switches off one inherited from an earlier layer.</summary>
    private static T? Section<T>(YamlNode? node, Func<YamlNode, T?> read) where T : class =>
        node is null or YamlScalarNode { Value: "none" or "~" or "null" or "" } ? null : read(node);

    private static DeployBackend? ReadDeploy(YamlNode? node, GitLabBinding? gitlab, ZadigBinding? zadig, BindingScope scope, List<string> errors)
    {
        var value = (node as YamlScalarNode)?.Value;
        DeployBackend? deploy = node is null ? (gitlab is not null ? DeployBackend.GitLab : zadig is not null ? DeployBackend.Zadig : null)
            : value switch { "gitlab" => DeployBackend.GitLab, "zadig" => DeployBackend.Zadig, _ => null };
        if (node is not null && deploy is null)
        {
            errors.Add($"line {node.Start.Line}: 'deploy' must be gitlab or zadig");
        }
        else if (node is not null && ((deploy == DeployBackend.GitLab && gitlab is null) || (deploy == DeployBackend.Zadig && zadig is null)))
        {
            errors.Add($"line {node.Start.Line}: deploy: {value} needs a {value} binding{scope.For}");
        }

        return deploy;
    }

    private static RollbackMode? ReadRollback(YamlNode? node, DeployBackend? deploy, GitLabBinding? gitlab, ZadigBinding? zadig, BindingScope scope, List<string> errors)
    {
        if (node is null)
        {
            return deploy == DeployBackend.GitLab ? RollbackMode.PreviousPipeline
                : deploy == DeployBackend.Zadig && zadig?.RollbackWorkflow is not null ? RollbackMode.Workflow : null;
        }

        switch ((node as YamlScalarNode)?.Value)
        {
            case "none":
                return null;
            case "previous-pipeline" when gitlab is null:
                errors.Add($"line {node.Start.Line}: rollback: previous-pipeline needs a gitlab binding{scope.For}");
                return null;
            case "previous-pipeline":
                return RollbackMode.PreviousPipeline;
            case "workflow" when zadig?.RollbackWorkflow is null:
                errors.Add($"line {node.Start.Line}: rollback: workflow needs a zadig binding with 'rollback_workflow'{scope.For}");
                return null;
            case "workflow":
                return RollbackMode.Workflow;
            default:
                errors.Add($"line {node.Start.Line}: 'rollback' must be previous-pipeline, workflow or none");
                return null;
        }
    }
}
