using ChatOps.Sandbox.Tests.Support;
using ChatOps.Sandbox.Tests.Zadig;
using k8s;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests;

public sealed class SandboxHostTests
{
    [Fact]
    public async Task The_host_starts_three_loopback_emulators_and_writes_a_kubeconfig_it_removes_on_dispose()
    {
        string kubeconfig;
        await using (var host = await SandboxHost.StartNewAsync(new SandboxOptions()))
        {
            Assert.All(new[] { host.GitLabUrl, host.ZadigUrl, host.KubernetesUrl }, u => Assert.Equal("127.0.0.1", u.Host));
            Assert.Equal(3, new[] { host.GitLabUrl.Port, host.ZadigUrl.Port, host.KubernetesUrl.Port }.Distinct().Count());
            Assert.EndsWith("/api/v4/", host.GitLabApiUrl.ToString());
            kubeconfig = host.KubeconfigPath;
            using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            Assert.Equal("dev", KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig).Namespace);
            Assert.Equal(10, (await client.AppsV1.ListNamespacedDeploymentAsync("staging")).Items.Count);
            Assert.Contains(host.Tokens.GitLabToken, host.Describe());
        }

        Assert.False(File.Exists(kubeconfig));
    }

    [Fact]
    public async Task A_passed_Zadig_deploy_rolls_the_Deployment_to_the_built_image()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxHost.StartNewAsync(new SandboxOptions { TimeProvider = time });
        using var zadig = ZadigClient.Create(host.ZadigUrl);
        using var kube = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(host.KubeconfigPath));

        await zadig.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-dev", "dev", "inventory"));
        time.Advance(TimeSpan.FromMinutes(3));

        var deployment = await kube.AppsV1.ReadNamespacedDeploymentAsync("inventory", "dev");
        Assert.Equal("registry.sandbox.local/shop/inventory:20261120-1", deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(2, deployment.Status.UpdatedReplicas);
        Assert.Equal(2, deployment.Status.AvailableReplicas);
    }

    [Fact]
    public async Task A_passed_GitLab_deploy_job_rolls_the_Deployment_of_that_environment()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxHost.StartNewAsync(new SandboxOptions { TimeProvider = time });
        using var gitLab = Http.Client(host.GitLabApiUrl, "PRIVATE-TOKEN", host.Tokens.GitLabToken);
        using var kube = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(host.KubeconfigPath));

        var pipeline = await gitLab.PostJsonAsync("projects/shop%2Fsearch/pipeline",
            new { @ref = "main", variables = new[] { new { key = "DEPLOY_ENV", value = "qa" } } });
        time.Advance(TimeSpan.FromMinutes(3));

        var deployment = await kube.AppsV1.ReadNamespacedDeploymentAsync("search", "qa");
        Assert.EndsWith(":" + pipeline["sha"]!.GetValue<string>()[..8], deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(2, deployment.Status.UpdatedReplicas);
    }
}
