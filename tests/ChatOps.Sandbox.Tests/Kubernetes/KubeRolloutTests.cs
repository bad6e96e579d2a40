using k8s;
using k8s.Models;

namespace ChatOps.Sandbox.Tests.Kubernetes;

public sealed class KubeRolloutTests : IAsyncLifetime
{
    private const string RestartPatch =
        """{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-20T09:00:00Z"}}}}}""";

    private KubeFixture _kube = null!;

    public async Task InitializeAsync() => _kube = await KubeFixture.StartAsync();

    public async Task DisposeAsync() => await _kube.DisposeAsync();

    [Theory]
    [InlineData(V1Patch.PatchType.StrategicMergePatch)]
    [InlineData(V1Patch.PatchType.MergePatch)]
    public async Task Patching_restartedAt_rolls_every_pod_within_max_surge_and_completes_on_the_clock(V1Patch.PatchType type)
    {
        var apps = _kube.Client.AppsV1;
        var before = await apps.ReadNamespacedDeploymentAsync("checkout", "dev");
        var oldPods = (await _kube.Client.CoreV1.ListNamespacedPodAsync("dev", labelSelector: "app=checkout")).Items.Select(p => p.Metadata.Name).ToHashSet();

        var patched = await apps.PatchNamespacedDeploymentAsync(new V1Patch(RestartPatch, type), "checkout", "dev");

        Assert.Equal(before.Metadata.Generation + 1, patched.Metadata.Generation);
        Assert.Equal("2026-11-20T09:00:00Z", patched.Spec.Template.Metadata.Annotations["kubectl.kubernetes.io/restartedAt"]);
        Assert.True(patched.Status.ObservedGeneration < patched.Metadata.Generation);

        var maxReplicas = 0;
        V1Deployment now = patched;
        for (var i = 0; i < 60 && !Complete(now); i++)
        {
            _kube.Time.Advance(TimeSpan.FromSeconds(1));
            now = await apps.ReadNamespacedDeploymentAsync("checkout", "dev");
            maxReplicas = Math.Max(maxReplicas, now.Status.Replicas ?? 0);
            Assert.True((now.Status.AvailableReplicas ?? 0) >= 2 || now.Status.ObservedGeneration < now.Metadata.Generation || i == 0,
                "maxUnavailable is 0 for 2 replicas, so availability never drops");
        }

        Assert.True(Complete(now), "rollout did not complete in 60 simulated seconds");
        Assert.Equal(3, maxReplicas);
        Assert.Equal("NewReplicaSetAvailable", now.Status.Conditions.Single(c => c.Type == "Progressing").Reason);
        Assert.Equal("3", now.Metadata.Annotations["deployment.kubernetes.io/revision"]);

        _kube.Time.Advance(TimeSpan.FromSeconds(10));
        var pods = (await _kube.Client.CoreV1.ListNamespacedPodAsync("dev", labelSelector: "app=checkout")).Items;
        Assert.Equal(2, pods.Count);
        Assert.DoesNotContain(pods, p => oldPods.Contains(p.Metadata.Name));
        var replicaSets = (await apps.ListNamespacedReplicaSetAsync("dev", labelSelector: "app=checkout")).Items;
        var current = replicaSets.Single(rs => rs.Spec.Replicas > 0);
        Assert.All(pods, p => Assert.Equal(current.Metadata.Labels["pod-template-hash"], p.Metadata.Labels["pod-template-hash"]));
        Assert.Equal(3, replicaSets.Count);
    }

    [Fact]
    public async Task Scaling_through_the_scale_subresource_adds_pods_that_become_ready_on_the_clock()
    {
        var apps = _kube.Client.AppsV1;
        var scale = await apps.ReadNamespacedDeploymentScaleAsync("orders", "qa");
        Assert.Equal(2, scale.Spec.Replicas);
        Assert.Equal("app=orders", scale.Status.Selector);

        var patched = await apps.PatchNamespacedDeploymentScaleAsync(
            new V1Patch("""{"spec":{"replicas":4}}""", V1Patch.PatchType.MergePatch), "orders", "qa");
        Assert.Equal(4, patched.Spec.Replicas);

        _kube.Time.Advance(TimeSpan.FromSeconds(2));
        var starting = await apps.ReadNamespacedDeploymentAsync("orders", "qa");
        Assert.Equal(4, starting.Status.Replicas);
        Assert.Equal(2, starting.Status.ReadyReplicas);

        _kube.Time.Advance(TimeSpan.FromSeconds(10));
        var scaled = await apps.ReadNamespacedDeploymentAsync("orders", "qa");
        Assert.Equal(4, scaled.Status.ReadyReplicas);

        await apps.ReplaceNamespacedDeploymentScaleAsync(
            new V1Scale { Metadata = new V1ObjectMeta { Name = "orders", NamespaceProperty = "qa" }, Spec = new V1ScaleSpec { Replicas = 1 } },
            "orders", "qa");
        _kube.Time.Advance(TimeSpan.FromSeconds(5));
        var pods = await _kube.Client.CoreV1.ListNamespacedPodAsync("qa", labelSelector: "app=orders");
        Assert.Single(pods.Items);
        Assert.Equal(1, (await apps.ReadNamespacedDeploymentScaleAsync("orders", "qa")).Status.Replicas);
    }

    private static bool Complete(V1Deployment d) =>
        d.Status.ObservedGeneration >= d.Metadata.Generation
        && d.Status.UpdatedReplicas == d.Spec.Replicas
        && d.Status.Replicas == d.Spec.Replicas
        && d.Status.AvailableReplicas == d.Spec.Replicas;
}
