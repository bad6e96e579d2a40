using k8s;
using k8s.Autorest;

namespace ChatOps.Sandbox.Tests.Kubernetes;

public sealed class KubeLogTests : IAsyncLifetime
{
    private KubeFixture _kube = null!;

    public async Task InitializeAsync() => _kube = await KubeFixture.StartAsync();

    public async Task DisposeAsync() => await _kube.DisposeAsync();

    [Fact]
    public async Task A_seeded_pod_has_500_lines_and_sinceSeconds_keeps_only_the_recent_ones()
    {
        var pod = await FirstPodAsync("dev", "checkout");

        var all = await LogAsync(pod, "dev");
        var recent = await LogAsync(pod, "dev", sinceSeconds: 60);

        Assert.Equal(500, all.Length);
        Assert.InRange(recent.Length, 9, 11);
        Assert.Equal(all[^1], recent[^1]);
    }

    [Fact]
    public async Task Logs_grow_as_the_clock_moves_and_timestamps_prefix_each_line()
    {
        var pod = await FirstPodAsync("qa", "users");
        var before = await LogAsync(pod, "qa", tailLines: 1);

        _kube.Time.Advance(TimeSpan.FromSeconds(30));
        var after = await LogAsync(pod, "qa", tailLines: 5, timestamps: true);

        Assert.DoesNotContain(before[0], after.Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        Assert.All(after, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \d{4}-", l));
    }

    [Fact]
    public async Task Previous_logs_exist_only_for_a_restarted_container_and_end_with_the_crash()
    {
        var pods = (await _kube.Client.CoreV1.ListNamespacedPodAsync("prod", labelSelector: "app=payments")).Items;
        var restarted = pods.Single(p => p.Status.ContainerStatuses[0].RestartCount > 0);
        var healthy = pods.First(p => p.Status.ContainerStatuses[0].RestartCount == 0);

        var previous = await LogAsync(restarted.Metadata.Name, "prod", previous: true);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => LogAsync(healthy.Metadata.Name, "prod", previous: true));

        Assert.Contains("FATAL", previous[^1]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("previous terminated container", error.Response.Content);
    }

    [Fact]
    public async Task A_pod_with_two_containers_needs_the_container_parameter()
    {
        var pod = await FirstPodAsync("staging", "gateway");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => LogAsync(pod, "staging"));
        var proxy = await LogAsync(pod, "staging", container: "istio-proxy", tailLines: 3);

        Assert.Contains("choose one of: [gateway istio-proxy]", error.Response.Content);
        Assert.All(proxy, l => Assert.Contains("inbound|8080||", l));
    }

    private async Task<string> FirstPodAsync(string ns, string app) =>
        (await _kube.Client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: $"app={app}")).Items[0].Metadata.Name;

    private async Task<string[]> LogAsync(string pod, string ns, int? tailLines = null, int? sinceSeconds = null,
        bool? timestamps = null, bool? previous = null, string? container = null)
    {
        await using var stream = await _kube.Client.CoreV1.ReadNamespacedPodLogAsync(pod, ns, container: container, previous: previous,
            sinceSeconds: sinceSeconds, tailLines: tailLines, timestamps: timestamps);
        return (await new StreamReader(stream).ReadToEndAsync()).TrimEnd('\n').Split('\n');
    }
}
