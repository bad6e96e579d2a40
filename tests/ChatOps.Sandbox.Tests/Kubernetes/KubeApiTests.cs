using System.Net;
using ChatOps.Sandbox.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace ChatOps.Sandbox.Tests.Kubernetes;

public sealed class KubeApiTests : IAsyncLifetime
{
    private readonly SandboxKnobs _knobs = new();
    private KubeFixture _kube = null!;

    public async Task InitializeAsync() => _kube = await KubeFixture.StartAsync(_knobs);

    public async Task DisposeAsync() => await _kube.DisposeAsync();

    [Fact]
    public async Task Namespaces_and_one_deployment_per_service_are_seeded_with_three_replicas_in_prod()
    {
        var namespaces = await _kube.Client.CoreV1.ListNamespaceAsync();
        var prod = await _kube.Client.AppsV1.ListNamespacedDeploymentAsync("prod");
        var work = await _kube.Client.AppsV1.ListNamespacedDeploymentAsync("work");

        Assert.Equal(["dev", "qa", "uat", "staging", "prod", "work"], namespaces.Items.Select(n => n.Metadata.Name));
        Assert.Equal(10, prod.Items.Count);
        Assert.All(prod.Items, d => Assert.Equal(3, d.Spec.Replicas));
        Assert.All(work.Items, d => Assert.Equal(2, d.Status.AvailableReplicas));
        Assert.Contains(prod.Items, d => d.Metadata.Name == "gateway" && d.Spec.Template.Spec.Containers.Count == 2);
    }

    [Fact]
    public async Task Warning_events_are_filtered_by_field_selector_in_both_event_apis()
    {
        var core = await _kube.Client.CoreV1.ListNamespacedEventAsync("prod", fieldSelector: "type=Warning");
        var v1 = await _kube.Client.EventsV1.ListNamespacedEventAsync("prod", fieldSelector: "type=Warning");
        var all = await _kube.Client.CoreV1.ListEventForAllNamespacesAsync(fieldSelector: "type=Warning,reason=Unhealthy");

        var backOff = Assert.Single(core.Items);
        Assert.Equal("BackOff", backOff.Reason);
        Assert.StartsWith("payments-", backOff.InvolvedObject.Name);
        Assert.Equal(7, backOff.Count);
        Assert.Equal("BackOff", Assert.Single(v1.Items).Reason);
        Assert.Equal(["staging", "uat"], all.Items.Select(e => e.Metadata.NamespaceProperty).Order());
    }

    [Fact]
    public async Task An_unsupported_field_label_is_a_400_status()
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _kube.Client.CoreV1.ListNamespacedEventAsync("prod", fieldSelector: "color=blue"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("field label not supported: color", error.Response.Content);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_a_401_status_body()
    {
        using var client = Http.Client(_kube.Emulator.BaseAddress, "Authorization", "Bearer wrong");

        using var response = await client.GetAsync("api/v1/namespaces");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var status = await response.JsonAsync();
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("Unauthorized", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_injected_429_reaches_KubernetesClient_with_Retry_After()
    {
        _knobs.Kubernetes.RateLimitRate = 1;
        _knobs.Kubernetes.RetryAfter = TimeSpan.FromSeconds(3);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _kube.Client.CoreV1.ListNamespacedPodAsync("dev"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Response.StatusCode);
        Assert.Equal("3", error.Response.Headers["Retry-After"].Single());
    }

    [Fact]
    public async Task A_json_patch_of_spec_replicas_scales_the_deployment()
    {
        var patch = new V1Patch("""[{"op":"replace","path":"/spec/replicas","value":3}]""", V1Patch.PatchType.JsonPatch);

        var patched = await _kube.Client.AppsV1.PatchNamespacedDeploymentAsync(patch, "search", "uat");
        _kube.Time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(3, patched.Spec.Replicas);
        Assert.Equal(3, (await _kube.Client.AppsV1.ReadNamespacedDeploymentAsync("search", "uat")).Status.ReadyReplicas);
    }

    [Fact]
    public async Task A_deleted_pod_terminates_and_the_controller_replaces_it()
    {
        var pods = (await _kube.Client.CoreV1.ListNamespacedPodAsync("dev", labelSelector: "app=cart")).Items;

        var deleted = await _kube.Client.CoreV1.DeleteNamespacedPodAsync(pods[0].Metadata.Name, "dev");
        Assert.NotNull(deleted.Metadata.DeletionTimestamp);
        _kube.Time.Advance(TimeSpan.FromSeconds(15));

        var after = (await _kube.Client.CoreV1.ListNamespacedPodAsync("dev", labelSelector: "app=cart")).Items;
        Assert.Equal(2, after.Count);
        Assert.DoesNotContain(after, p => p.Metadata.Name == pods[0].Metadata.Name);
        Assert.All(after, p => Assert.True(p.Status.ContainerStatuses[0].Ready));
    }
}
