using k8s;
using k8s.Models;

namespace ChatOps.Sandbox.Tests.Kubernetes;

public sealed class KubeClientTests : IAsyncLifetime
{
    private KubeFixture _kube = null!;

    public async Task InitializeAsync() => _kube = await KubeFixture.StartAsync();

    public async Task DisposeAsync() => await _kube.DisposeAsync();

    [Fact]
    public async Task KubernetesClient_lists_pods_by_label_with_real_names_and_statuses()
    {
        var pods = await _kube.Client.CoreV1.ListNamespacedPodAsync("dev", labelSelector: "app=checkout");

        Assert.Equal(2, pods.Items.Count);
        Assert.All(pods.Items, p =>
        {
            Assert.Matches("^checkout-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}$", p.Metadata.Name);
            Assert.Equal("Running", p.Status.Phase);
            Assert.True(p.Status.ContainerStatuses.Single().Ready);
            Assert.Equal("ReplicaSet", p.Metadata.OwnerReferences.Single().Kind);
            Assert.False(string.IsNullOrEmpty(p.Spec.NodeName));
        });
    }

    [Fact]
    public async Task KubernetesClient_reads_the_last_lines_of_a_pod_log()
    {
        var pod = (await _kube.Client.CoreV1.ListNamespacedPodAsync("prod", labelSelector: "app=payments")).Items[0];

        await using var stream = await _kube.Client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, "prod", tailLines: 10);
        var text = await new StreamReader(stream).ReadToEndAsync();

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(10, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO |WARN |ERROR) payments ", l));
    }
}
