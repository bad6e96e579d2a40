using ChatOps.Sandbox.Kubernetes;
using k8s;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests.Kubernetes;

/// <summary>A Kubernetes emulator on a fake clock plus a real KubernetesClient built from the kubeconfig it writes.</summary>
public sealed class KubeFixture : IAsyncDisposable
{
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"sandbox-kubeconfig-{Guid.NewGuid():N}.yaml");

    private KubeFixture(FakeTimeProvider time, KubeApiEmulator emulator)
    {
        Time = time;
        Emulator = emulator;
    }

    public FakeTimeProvider Time { get; }

    public KubeApiEmulator Emulator { get; }

    public IKubernetes Client { get; private set; } = null!;

    public static async Task<KubeFixture> StartAsync(SandboxKnobs? knobs = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var fixture = new KubeFixture(time, new KubeApiEmulator(new SandboxOptions { TimeProvider = time, Knobs = knobs ?? new SandboxKnobs() }));
        await fixture.Emulator.StartAsync();
        fixture.Emulator.WriteKubeconfig(fixture._kubeconfig);
        fixture.Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture._kubeconfig));
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        File.Delete(_kubeconfig);
    }
}
