using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Catalog;

public static partial class CatalogLoader
{
    private static readonly string[] GitLabKeys = ["project", "ref", "variables", "trigger_token_env"];
    private static readonly string[] ZadigKeys =
        ["project", "workflow", "inputs", "parameters", "rollback_workflow", "rollback_inputs", "product_workflow", "callback"];
    private static readonly string[] KubernetesKeys = ["namespace", "deployment", "selector", "container"];

    [GeneratedRegex(@"^(\d+|[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+)$")]
    private static partial Regex GitLabProjectPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableNamePattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex(@"^(!?[A-Za-z0-9./_-]+|[A-Za-z0-9./_-]+\s*(=|==|!=)\s*[A-Za-z0-9._-]*|[A-Za-z0-9./_-]+\s+(in|notin)\s+\([A-Za-z0-9._,\s-]*\))$")]
    private static partial Regex SelectorTermPattern();

    [GeneratedRegex(@"^[^\s{}]+$")]
    private static partial Regex KeyPattern();

    private static GitLabBinding? ReadGitLab(YamlNode node, BindingScope scope, List<string> errors)
    {
        if (Mapping(node, "gitlab", GitLabKeys, errors) is not { } map)
        {
            return null;
        }

        var project = Text(map, "project", scope, errors, required: true, allowRef: false);
        if (project is not null && !GitLabProjectPattern().IsMatch(project))
        {
            errors.Add($"line {ValueLine(map, "project")}: gitlab project '{project}' must be a full path like shop/checkout or a numeric id{scope.For}");
        }

        var reference = Text(map, "ref", scope, errors, required: false, allowRef: false);
        var variables = StringMap(map, "variables", scope, errors, VariableNamePattern(), "a CI variable name (letters, digits, '_')");
        var token = Text(map, "trigger_token_env", scope, errors, required: false, allowRef: false);
        if (token is not null && !VariableNamePattern().IsMatch(token))
        {
            errors.Add($"line {ValueLine(map, "trigger_token_env")}: trigger_token_env must name an environment variable, e.g. CHECKOUT_TRIGGER_TOKEN");
        }

        return project is null ? null : new GitLabBinding(project, reference, variables, token);
    }

    private static ZadigBinding? ReadZadig(YamlNode node, BindingScope scope, List<string> errors, string[]? keys = null)
    {
        if (Mapping(node, "zadig", keys ?? ZadigKeys, errors) is not { } map)
        {
            return null;
        }

        var project = Text(map, "project", scope, errors, required: true, allowRef: false);
        var workflow = Text(map, "workflow", scope, errors, required: true, allowRef: false);
        CheckKey(map, "project", project, scope, errors);
        CheckKey(map, "workflow", workflow, scope, errors);
        var rollbackWorkflow = Text(map, "rollback_workflow", scope, errors, required: false, allowRef: false);
        CheckKey(map, "rollback_workflow", rollbackWorkflow, scope, errors);
        var product = Flag(map, "product_workflow", errors);
        var callback = Flag(map, "callback", errors);
        if (callback && !product)
        {
            errors.Add($"line {ValueLine(map, "callback")}: 'callback' works only with product_workflow: true (Zadig custom workflows have no callback)");
        }

        var inputs = JobInputs(map, "inputs", scope, errors) ?? [];
        var rollbackInputs = JobInputs(map, "rollback_inputs", scope, errors);
        var parameters = StringMap(map, "parameters", scope, errors, KeyPattern(), "a workflow parameter name");
        return project is null || workflow is null ? null : new ZadigBinding(project, workflow, inputs)
        {
            Parameters = parameters, RollbackWorkflow = rollbackWorkflow, RollbackInputs = rollbackInputs,
            ProductWorkflow = product, Callback = callback,
        };
    }

    private static KubernetesBinding? ReadKubernetes(YamlNode node, BindingScope scope, List<string> errors)
    {
        if (Mapping(node, "kubernetes", KubernetesKeys, errors) is not { } map)
        {
            return null;
        }

        var ns = Text(map, "namespace", scope, errors, required: true, allowRef: false);
        if (ns is not null && (ns.Length > 63 || !NamePattern().IsMatch(ns)))
        {
            errors.Add($"line {ValueLine(map, "namespace")}: namespace '{ns}' is not a DNS-1123 label (lower-case letters, digits and '-', at most 63){scope.For}");
        }

        var deployment = Text(map, "deployment", scope, errors, required: true, allowRef: false);
        if (deployment is not null && (deployment.Length > 253 || !SubdomainPattern().IsMatch(deployment)))
        {
            errors.Add($"line {ValueLine(map, "deployment")}: deployment '{deployment}' is not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.'){scope.For}");
        }

        var selector = Text(map, "selector", scope, errors, required: false, allowRef: false) ?? (deployment is null ? null : $"app={deployment}");
        if (selector is not null && selector.Split(',').Any(term => !SelectorTermPattern().IsMatch(term.Trim())))
        {
            errors.Add($"line {ValueLine(map, "selector")}: selector '{selector}' is not a label selector like app=checkout,tier=web");
        }

        var container = Text(map, "container", scope, errors, required: false, allowRef: false);
        if (container is not null && !NamePattern().IsMatch(container))
        {
            errors.Add($"line {ValueLine(map, "container")}: container '{container}' is not a DNS-1123 label");
        }

        return ns is null || deployment is null || selector is null ? null : new KubernetesBinding(ns, deployment, selector, container);
    }

    private static void CheckKey(YamlMappingNode map, string key, string? value, BindingScope scope, List<string> errors)
    {
        if (value is not null && !KeyPattern().IsMatch(value))
        {
            errors.Add($"line {ValueLine(map, key)}: {key} '{value}' must be a Zadig key without spaces{scope.For}");
        }
    }
}
