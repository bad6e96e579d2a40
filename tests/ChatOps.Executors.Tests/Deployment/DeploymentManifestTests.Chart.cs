using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace ChatOps.Executors.Tests.Deployment;

// why: helm is not installed here, so the plain manifests cannot be re-rendered; these pin them to the chart's values and rules.
public partial class DeploymentManifestTests
{
    private static object? ChartValues => DeployFiles.Tree(DeployFiles.Text("helm", "chatops", "values.yaml"));

    private static object? PlainDeployment => DeployFiles.Tree(DeployFiles.Text("kubernetes", "deployment.yaml"));

    [Theory]
    [InlineData("chatops.readonlyRules", "rbac-readonly.yaml")]
    [InlineData("chatops.actionsRules", "optional/rbac-actions.yaml")]
    public void Plain_rbac_rules_are_the_charts(string define, string file)
    {
        var plain = DeployFiles.Tree(DeployFiles.Text("kubernetes", file).Split("\n---")[0]);
        Assert.Equal(DeployFiles.Canonical(DeployFiles.Tree(DeployFiles.ChartDefine(define))), DeployFiles.Canonical(DeployFiles.At(plain, "rules")));
    }

    [Fact]
    public void Plain_config_map_is_the_charts_default_settings_without_the_empty_ones()
    {
        var settings = (IDictionary<object, object>)DeployFiles.At(ChartValues, "settings")!;
        var expected = settings.Where(e => !string.IsNullOrEmpty(e.Value?.ToString())).ToDictionary(e => e.Key.ToString()!, e => e.Value.ToString()!);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), Settings.Data.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.All(settings.Keys, key => Assert.True(ConfigurationKeys.Plain.Contains(key.ToString()!), $"values.yaml settings.{key} is not a non-secret configuration key"));
    }

    [Fact]
    public void Plain_deployment_has_the_charts_probes_security_context_resources_and_annotations()
    {
        var container = DeployFiles.At(PlainDeployment, "spec", "template", "spec", "containers", 0);
        foreach (var key in new[] { "startupProbe", "livenessProbe", "readinessProbe", "securityContext", "resources" })
        {
            Assert.Equal(DeployFiles.Canonical(DeployFiles.At(ChartValues, key)), DeployFiles.Canonical(DeployFiles.At(container, key)));
        }

        Assert.Equal(DeployFiles.Canonical(DeployFiles.At(ChartValues, "podSecurityContext")),
            DeployFiles.Canonical(DeployFiles.At(PlainDeployment, "spec", "template", "spec", "securityContext")));
        Assert.Equal(DeployFiles.Canonical(DeployFiles.At(ChartValues, "podAnnotations")),
            DeployFiles.Canonical(DeployFiles.At(PlainDeployment, "spec", "template", "metadata", "annotations")));
        Assert.Equal(DeployFiles.At(ChartValues, "containerPort"), DeployFiles.At(container, "ports", 0, "containerPort"));
    }

    [Fact]
    public void Chart_and_plain_deployment_read_the_same_secret_keys_into_the_same_variables()
    {
        var template = DeployFiles.Text("helm", "chatops", "templates", "deployment.yaml");
        var chart = Regex.Matches(template, @"- name: (CHATOPS__\w+)\s+valueFrom: \{secretKeyRef: \{name: \{\{ \$secret \}\}, key: ([\w-]+), optional: true\}\}")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value));
        var plain = Container.Env.Select(e => (e.Name, e.ValueFrom.SecretKeyRef.Key));
        Assert.Equal(plain.Order(), chart.Order());

        var values = (IDictionary<object, object>)DeployFiles.At(ChartValues, "secret", "values")!;
        Assert.Equal(plain.Select(p => p.Key).Order(StringComparer.Ordinal), values.Keys.Select(k => k.ToString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_kind_in_the_plain_manifests_comes_from_a_chart_template()
    {
        var templates = Directory.GetFiles(DeployFiles.Path("helm", "chatops", "templates"), "*.yaml").Select(File.ReadAllText).ToList();
        foreach (var kind in ManifestFiles.SelectMany(DeployFiles.Manifest).Cast<IKubernetesObject>().Select(o => o.Kind).Distinct())
        {
            Assert.Contains(templates, t => t.Contains("\nkind: " + kind + "\n", StringComparison.Ordinal) || t.StartsWith("kind: " + kind, StringComparison.Ordinal));
        }
    }
}
