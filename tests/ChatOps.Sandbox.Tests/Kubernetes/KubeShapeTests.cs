using ChatOps.Sandbox.Tests.Support;

namespace ChatOps.Sandbox.Tests.Kubernetes;

public sealed class KubeShapeTests : IAsyncLifetime
{
    private const string Shapes = "kube-shapes.json";
    private KubeFixture _kube = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _kube = await KubeFixture.StartAsync();
        _http = Http.Client(_kube.Emulator.BaseAddress, "Authorization", "Bearer " + new SandboxTokens().KubeToken);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _kube.DisposeAsync();
    }

    [Theory]
    [InlineData("api/v1/namespaces", "namespace")]
    [InlineData("api/v1/namespaces/prod/pods", "pod")]
    [InlineData("api/v1/pods?labelSelector=app%20in%20(gateway,auth)", "pod")]
    [InlineData("apis/apps/v1/namespaces/prod/deployments", "deployment")]
    [InlineData("apis/apps/v1/replicasets?labelSelector=app=orders", "replicaset")]
    [InlineData("api/v1/events", "core_event")]
    [InlineData("apis/events.k8s.io/v1/events", "events_v1_event")]
    public async Task List_responses_and_their_items_have_the_Kubernetes_shapes(string path, string item)
    {
        var list = await _http.GetJsonAsync(path);

        ShapeAssert.Matches(Shapes, "list", list);
        Assert.NotEmpty(list["items"]!.AsArray());
        foreach (var entry in list["items"]!.AsArray())
        {
            var typed = entry!.DeepClone().AsObject();
            typed["apiVersion"] ??= "v";
            typed["kind"] ??= "k";
            ShapeAssert.Matches(Shapes, item, typed);
        }
    }

    [Theory]
    [InlineData("apis/apps/v1/namespaces/dev/deployments/checkout", "deployment")]
    [InlineData("apis/apps/v1/namespaces/dev/deployments/checkout/scale", "scale")]
    [InlineData("api/v1/namespaces/dev/pods/nope", "status")]
    [InlineData("apis/apps/v1/namespaces/dev/statefulsets", "status")]
    public async Task Single_objects_and_errors_have_the_Kubernetes_shapes(string path, string shape)
    {
        using var response = await _http.GetAsync(path);

        ShapeAssert.Matches(Shapes, shape, await response.JsonAsync());
    }
}
