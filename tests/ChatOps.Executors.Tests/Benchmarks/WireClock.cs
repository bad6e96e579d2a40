using System.Diagnostics;

namespace ChatOps.Executors.Tests.Benchmarks;

/// <summary>Adds up the time KubernetesClient spends below it (network plus emulator), like the fault injector does for Refit clients.</summary>
public sealed class WireClock : DelegatingHandler
{
    private long _ticks;

    public long Ticks => Interlocked.Read(ref _ticks);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        }
    }
}
