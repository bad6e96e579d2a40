using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;

namespace ChatOps.Executors.Tests.Deployment;

/// <summary>The plain manifests under deploy/kubernetes/ and the Dockerfile: what must hold for the bot to run safely in a cluster.</summary>
public partial class DeploymentManifestTests
{
    private static readonly string[] ManifestFiles =
        ["serviceaccount.yaml", "rbac-readonly.yaml", "configmap.yaml", "pvc.yaml", "service.yaml", "deployment.yaml", "optional/rbac-actions.yaml"];

    private static V1Deployment Deployment => DeployFiles.Single<V1Deployment>("deployment.yaml");

    private static V1Container Container => Assert.Single(Deployment.Spec.Template.Spec.Containers);

    private static V1ConfigMap Settings => DeployFiles.Single<V1ConfigMap>("configmap.yaml");

    [Fact]
    public void Every_manifest_parses_strictly_as_Kubernetes_objects()
    {
        foreach (var file in ManifestFiles)
        {
            Assert.NotEmpty(DeployFiles.Manifest(file));
        }

        var kustomization = DeployFiles.Text("kubernetes", "kustomization.yaml");
        Assert.All(ManifestFiles.Where(f => !f.StartsWith("optional/", StringComparison.Ordinal)),
            file => Assert.Contains("- " + file, kustomization, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_only_role_grants_only_get_list_and_watch_on_what_the_bot_reads()
    {
        var role = DeployFiles.Single<V1ClusterRole>("rbac-readonly.yaml");
        Assert.All(role.Rules.SelectMany(r => r.Verbs), verb => Assert.Contains(verb, new[] { "get", "list", "watch" }));
        Assert.Equal(["deployments", "events", "pods", "pods/log", "replicasets"], role.Rules.SelectMany(r => r.Resources).Order(StringComparer.Ordinal));

        var binding = DeployFiles.Single<V1ClusterRoleBinding>("rbac-readonly.yaml");
        Assert.Equal(("ClusterRole", role.Metadata.Name), (binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.Equal(("ServiceAccount", "chatops", "chatops"), BoundAccount(Assert.Single(binding.Subjects)));
    }

    [Fact]
    public void Actions_role_is_separate_opt_in_and_only_patches_deployments_and_their_scale()
    {
        var role = DeployFiles.Single<V1Role>("optional/rbac-actions.yaml");
        Assert.Equal(["patch"], Verbs(role, "deployments"));
        Assert.Equal(["patch", "update"], Verbs(role, "deployments/scale"));
        Assert.Equal(["deployments", "deployments/scale"], role.Rules.SelectMany(r => r.Resources).Order(StringComparer.Ordinal));

        var binding = DeployFiles.Single<V1RoleBinding>("optional/rbac-actions.yaml");
        Assert.Equal(("Role", role.Metadata.Name, role.Metadata.NamespaceProperty), (binding.RoleRef.Kind, binding.RoleRef.Name, binding.Metadata.NamespaceProperty));
        Assert.Equal(("ServiceAccount", "chatops", "chatops"), BoundAccount(Assert.Single(binding.Subjects)));

        var applied = DeployFiles.Text("kubernetes", "kustomization.yaml").Split('\n').Where(l => !l.TrimStart().StartsWith('#'));
        Assert.DoesNotContain(applied, l => l.Contains("optional/", StringComparison.Ordinal));
        Assert.DoesNotContain("patch", DeployFiles.Text("kubernetes", "rbac-readonly.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_secret_is_in_the_config_map_and_every_secret_comes_from_the_secret()
    {
        Assert.DoesNotContain(Settings.Data.Keys, ConfigurationKeys.Secret.Contains);
        Assert.All(Settings.Data.Values, value => Assert.DoesNotMatch(SecretLooking(), value));

        var fromSecret = Container.Env.Where(e => e.ValueFrom?.SecretKeyRef is not null).ToDictionary(e => e.Name, e => e.ValueFrom.SecretKeyRef);
        Assert.Equal(ConfigurationKeys.Secret.Order(StringComparer.Ordinal), fromSecret.Keys.Order(StringComparer.Ordinal));
        Assert.All(fromSecret.Values, reference => Assert.Equal("chatops", reference.Name));
        Assert.All(Container.Env, e => Assert.Null(e.Value));
        Assert.Equal("chatops-settings", Assert.Single(Container.EnvFrom).ConfigMapRef.Name);
    }

    [Fact]
    public void Every_CHATOPS_variable_names_a_configuration_key_of_the_program()
    {
        var names = Container.Env.Select(e => e.Name).Concat(Settings.Data.Keys).Concat(DockerfileVariables()).ToList();
        Assert.All(names, name => Assert.True(ConfigurationKeys.IsKnown(name), $"{name} is not a configuration key of chatops"));
        Assert.Contains("CHATOPS__Kubernetes__InCluster", Settings.Data.Keys);
        Assert.Equal(("true", "false"), (Settings.Data["CHATOPS__Kubernetes__InCluster"], Settings.Data["CHATOPS__Sandbox__Enabled"]));
    }

    [Fact]
    public void Probes_point_at_healthz_and_readyz_on_the_container_port()
    {
        var port = Assert.Single(Container.Ports);
        Assert.Equal(("http", 8080), (port.Name, port.ContainerPort));
        Assert.EndsWith(":" + port.ContainerPort, Settings.Data["CHATOPS__Http__Urls"], StringComparison.Ordinal);

        Assert.Equal("/healthz", Container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", Container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/healthz", Container.StartupProbe.HttpGet.Path);
        Assert.All(new[] { Container.LivenessProbe, Container.ReadinessProbe, Container.StartupProbe },
            probe => Assert.Equal(port.Name, probe.HttpGet.Port.Value));

        var service = DeployFiles.Single<V1Service>("service.yaml");
        Assert.Equal(port.Name, Assert.Single(service.Spec.Ports).TargetPort.Value);
        Assert.Equal(Deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
    }

    [Fact]
    public void Container_runs_as_non_root_with_a_read_only_root_filesystem_and_no_capabilities()
    {
        var pod = Deployment.Spec.Template.Spec.SecurityContext;
        Assert.True(pod.RunAsNonRoot);
        Assert.NotEqual(0, pod.RunAsUser);
        Assert.Equal(pod.RunAsUser, pod.FsGroup);

        var container = Container.SecurityContext;
        Assert.Equal((true, false, true), (container.ReadOnlyRootFilesystem, container.AllowPrivilegeEscalation, container.RunAsNonRoot));
        Assert.Equal(["ALL"], container.Capabilities.Drop);
        Assert.Null(container.Capabilities.Add);
        Assert.NotNull(Container.Resources.Limits["memory"]);

        var writable = Container.VolumeMounts.Where(m => m.ReadOnlyProperty != true).Select(m => m.MountPath).Order(StringComparer.Ordinal);
        Assert.Equal(["/data", "/tmp"], writable);
    }

    [Fact]
    public void Deployment_uses_the_service_account_and_sqlite_keeps_it_at_one_recreated_replica()
    {
        var account = DeployFiles.Single<V1ServiceAccount>("serviceaccount.yaml");
        Assert.Equal(account.Metadata.Name, Deployment.Spec.Template.Spec.ServiceAccountName);
        Assert.NotEqual(false, Deployment.Spec.Template.Spec.AutomountServiceAccountToken);

        Assert.Equal("sqlite", Settings.Data["CHATOPS__Storage__Provider"]);
        Assert.Equal((1, "Recreate"), (Deployment.Spec.Replicas ?? 1, Deployment.Spec.Strategy.Type));
        var claim = DeployFiles.Single<V1PersistentVolumeClaim>("pvc.yaml");
        var data = Assert.Single(Deployment.Spec.Template.Spec.Volumes, v => v.Name == "data");
        Assert.Equal(claim.Metadata.Name, data.PersistentVolumeClaim.ClaimName);
        Assert.StartsWith(Assert.Single(Container.VolumeMounts, m => m.Name == "data").MountPath + "/", Settings.Data["CHATOPS__Storage__Sqlite"], StringComparison.Ordinal);

        var files = Assert.Single(Container.VolumeMounts, m => m.Name == "files");
        Assert.StartsWith(files.MountPath + "/", Settings.Data["CHATOPS__Catalog__Path"], StringComparison.Ordinal);
        Assert.StartsWith(files.MountPath + "/", Settings.Data["CHATOPS__Policy__Path"], StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_entrypoint_runs_serve_as_a_non_root_user()
    {
        var lines = DeployFiles.Text("docker", "Dockerfile").Split('\n');
        var entrypoint = Assert.Single(lines, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        Assert.Equal(["dotnet", "chatops.dll", "serve"], JsonSerializer.Deserialize<string[]>(entrypoint["ENTRYPOINT ".Length..])!);
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal));

        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.Equal("USER $APP_UID", user.Trim());
        Assert.True(Array.IndexOf(lines, user) < Array.IndexOf(lines, entrypoint));

        var ignore = DeployFiles.Text("docker", "Dockerfile.dockerignore");
        Assert.All(new[] { "!src/", "!models/intent-model.zip", "!models/model-card.json", "!training-data/catalog.yaml", "!training-data/policy.yaml" },
            allowed => Assert.Contains(allowed, ignore, StringComparison.Ordinal));
    }

    private static IEnumerable<string> DockerfileVariables() =>
        Regex.Matches(DeployFiles.Text("docker", "Dockerfile"), @"\b(CHATOPS__\w+)=").Select(m => m.Groups[1].Value);

    private static (string, string, string) BoundAccount(Rbacv1Subject subject) => (subject.Kind, subject.Name, subject.NamespaceProperty);

    private static IEnumerable<string> Verbs(V1Role role, string resource) =>
        role.Rules.Where(r => r.Resources.Contains(resource)).SelectMany(r => r.Verbs).Order(StringComparer.Ordinal);

    [GeneratedRegex("xox[abp]-|xapp-|glpat-|password=|bearer ", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();
}
